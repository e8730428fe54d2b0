package io.switchboard.vendor.telphin.api;

import java.util.List;

/**
 * What {@link TelphinEventSubscriber#ensure} found and did for one extension.
 *
 * @param existing subscriptions that already sent a wanted event type to the URL (left as they are)
 * @param created  subscriptions created now
 */
public record TelphinSubscriptionResult(List<TelphinEventSubscription> existing, List<TelphinEventSubscription> created) {}
