package io.switchboard.vendor.telphin.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes an extension's events to the hub without duplicates: lists the extension's
 * subscriptions first ({@code GET .../event/}) and creates only the event types that have no
 * subscription to the same URL (whatever its method: the hub reads GET and POST alike).
 */
public final class TelphinEventSubscriber {

    /** The event types the hub needs for the life of a call on an ordinary phone extension. */
    public static final List<String> CALL_EVENT_TYPES = List.of("dial-in", "dial-out", "answer", "hangup");

    private static final Logger LOG = LoggerFactory.getLogger(TelphinEventSubscriber.class);

    private final TelphinApiClient client;

    public TelphinEventSubscriber(TelphinApiClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Makes sure each of {@code eventTypes} of {@code extensionId} is sent to {@code url}.
     *
     * @param url    the hub's Telphin webhook URL (holds the source token; never logged)
     * @param method {@code GET} or {@code POST} for new subscriptions
     */
    public TelphinSubscriptionResult ensure(
            String extensionId, String url, String method, Collection<String> eventTypes) {
        String httpMethod = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        if (!httpMethod.equals("GET") && !httpMethod.equals("POST")) {
            throw new IllegalArgumentException("Telphin event method must be GET or POST, was " + method);
        }
        List<TelphinEventSubscription> toUrl = client.eventSubscriptions(extensionId).stream()
                .filter(subscription -> url.equals(subscription.url()))
                .toList();
        List<TelphinEventSubscription> existing = new ArrayList<>();
        List<TelphinEventSubscription> created = new ArrayList<>();
        for (String type : eventTypes.stream().distinct().toList()) {
            toUrl.stream()
                    .filter(subscription -> type.equalsIgnoreCase(subscription.eventType()))
                    .findFirst()
                    .ifPresentOrElse(
                            existing::add,
                            () -> created.add(client.subscribeEvent(extensionId, url, httpMethod, type)));
        }
        LOG.info("Telphin extension {} events to the hub: {} kept, {} created", extensionId, existing.size(), created.size());
        return new TelphinSubscriptionResult(List.copyOf(existing), List.copyOf(created));
    }
}
