package io.switchboard.vendor.callr.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the hub's CALLR webhooks without duplicates: lists the account's webhooks first
 * ({@code webhooks.get_list}) and subscribes only the types that have no enabled webhook to the
 * same endpoint. CALLR does not return the HMAC secret of existing webhooks, so a webhook that
 * exists with another secret is not detected: unsubscribe it in the CALLR portal to rotate a secret.
 */
public final class CallrWebhookSubscriber {

    /** The event types the hub reads for call logging. */
    public static final List<String> CALL_EVENT_TYPES = List.of(
            "call.inbound_start", "call.inbound_hangup", "call.outbound_start", "call.outbound_hangup");

    private static final Logger LOG = LoggerFactory.getLogger(CallrWebhookSubscriber.class);

    private final CallrApiClient client;

    public CallrWebhookSubscriber(CallrApiClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Makes sure each of {@code types} pushes to {@code endpoint}.
     *
     * @param endpoint the hub's public CALLR webhook URL
     * @param types    CALLR event types, e.g. {@link #CALL_EVENT_TYPES}
     * @param options  HMAC settings for the new webhooks (the CALLR source must be configured the same)
     */
    public CallrWebhookRegistration ensure(String endpoint, Collection<String> types, CallrWebhookOptions options) {
        List<CallrWebhook> known = client.listWebhooks().stream()
                .filter(hook -> endpoint.equals(hook.endpoint()))
                .toList();
        List<CallrWebhook> existing = new ArrayList<>();
        List<CallrWebhook> created = new ArrayList<>();
        List<CallrWebhook> disabled = new ArrayList<>();
        for (String type : types.stream().distinct().toList()) {
            List<CallrWebhook> ofType = known.stream().filter(hook -> type.equals(hook.type())).toList();
            ofType.stream().filter(hook -> !hook.enabled()).forEach(disabled::add);
            ofType.stream().filter(CallrWebhook::enabled).findFirst().ifPresentOrElse(existing::add, () -> {
                created.add(client.subscribeWebhook(type, endpoint, options));
            });
        }
        LOG.info("CALLR webhooks for the hub endpoint: {} kept, {} created, {} disabled by CALLR",
                existing.size(), created.size(), disabled.size());
        return new CallrWebhookRegistration(List.copyOf(existing), List.copyOf(created), List.copyOf(disabled));
    }
}
