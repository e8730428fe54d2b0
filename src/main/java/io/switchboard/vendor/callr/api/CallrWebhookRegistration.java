package io.switchboard.vendor.callr.api;

import java.util.List;

/**
 * What {@link CallrWebhookSubscriber#ensure} found and did.
 *
 * @param existing enabled webhooks that already pushed the wanted types to the endpoint (left as they are)
 * @param created  webhooks created now
 * @param disabled webhooks for the endpoint and a wanted type that CALLR had disabled (a new one was created; delete these by hand)
 */
public record CallrWebhookRegistration(List<CallrWebhook> existing, List<CallrWebhook> created, List<CallrWebhook> disabled) {}
