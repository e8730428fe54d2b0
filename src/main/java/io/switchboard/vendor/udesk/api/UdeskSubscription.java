package io.switchboard.vendor.udesk.api;

import java.util.List;

/**
 * A udesk message subscription ({@code subscriptions}): udesk POSTs the listed events to
 * {@code callback}.
 *
 * @param id subscription id; known after creation, absent from some list answers
 * @param name unique name of the subscription (the hub matches on it)
 * @param callback callback URL
 * @param events event names
 * @param enabled whether udesk currently delivers it (only in list answers)
 */
public record UdeskSubscription(Long id, String name, String callback, List<String> events, Boolean enabled) {

    public UdeskSubscription {
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** A subscription to create. */
    public static UdeskSubscription of(String name, String callback, List<String> events) {
        if (name == null || name.isBlank() || callback == null || callback.isBlank() || events == null || events.isEmpty()) {
            throw new IllegalArgumentException("A udesk subscription needs a name, a callback URL and events");
        }
        return new UdeskSubscription(null, name, callback, events, null);
    }

    /** Same callback and at least the events of {@code wanted}. */
    public boolean covers(UdeskSubscription wanted) {
        return callback != null && callback.equals(wanted.callback()) && events.containsAll(wanted.events());
    }
}
