package io.switchboard.feed;

import io.switchboard.call.CallState;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Durable delivery state of the call-event source: which call changes each subscription must
 * receive, and which it has received. Implemented on the journal database; kept small so a log
 * such as Kafka can replace it.
 */
public interface CallFeed {

    /**
     * Moves the call changes after the subscription's cursor that match its filter into its
     * pending deliveries, and advances the cursor, in one transaction. A new subscription starts
     * at the current end of the feed (it receives changes from now on).
     *
     * @return how many deliveries were created
     */
    int claim(String subscription, Filter filter, int limit);

    /** Pending deliveries whose next attempt is due, oldest change first. */
    List<Delivery> due(String subscription, Instant now, int limit);

    void delivered(long deliveryId, Instant now);

    void failed(long deliveryId, int attempts, Instant nextAttempt, boolean dead, String error, Instant now);

    /** Which call changes a subscription wants; empty sets mean "any". */
    record Filter(Set<CallState> states, Set<String> lines, Set<String> vendors, boolean includeUpdates) {}

    /** One call change to hand to a subscription. */
    record Delivery(long id, long feedSeq, String callId, CallState state, int attempts) {}
}
