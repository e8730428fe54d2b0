package io.switchboard.feed;

import io.switchboard.call.CallState;
import io.switchboard.journal.Page;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
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

    /**
     * Pending deliveries whose next attempt is due, longest due first (then oldest change first),
     * at most one per call: a delivery is held back while an earlier change of the same call is
     * still pending for the subscription, so one call's changes are never delivered out of order.
     */
    List<Delivery> due(String subscription, Instant now, int limit);

    /**
     * Records the outcomes of several attempts in one transaction: all of them or, when it fails,
     * none (those deliveries stay PENDING and are attempted again: at-least-once).
     */
    void settle(Collection<Outcome> outcomes);

    /** Deliveries matching {@code query}, newest first. */
    Page<DeliveryRecord> search(DeliveryQuery query);

    Optional<DeliveryRecord> find(long deliveryId);

    /**
     * Queues one delivery again, whatever its status: PENDING, due {@code now}, attempts reset.
     *
     * @return false when there is no such delivery
     */
    boolean replay(long deliveryId, Instant now);

    /**
     * Queues again every delivery of the selection whose status is in {@code statuses}.
     *
     * @return how many deliveries were queued
     */
    int replay(ReplaySelection selection, Instant now);

    /** Which call changes a subscription wants; empty sets mean "any". */
    record Filter(Set<CallState> states, Set<String> lines, Set<String> vendors, boolean includeUpdates) {}

    /**
     * One call change to hand to a subscription.
     *
     * @param queuedAt when it was claimed or last replayed: the age limit counts from here
     */
    record Delivery(long id, long feedSeq, String callId, CallState state, int attempts, Instant queuedAt) {}

    /**
     * The outcome of one attempt.
     *
     * @param status      DELIVERED; PENDING (failed, retried at {@code nextAttempt}) or DEAD
     * @param attempts    attempts made so far, this one included
     * @param nextAttempt when a PENDING delivery is tried again; null for DELIVERED (kept as it was)
     * @param error       the failure, one line; null for DELIVERED
     */
    record Outcome(long deliveryId, DeliveryStatus status, int attempts, Instant nextAttempt, String error, Instant at) {

        static Outcome delivered(long deliveryId, int attempts, Instant at) {
            return new Outcome(deliveryId, DeliveryStatus.DELIVERED, attempts, null, null, at);
        }

        static Outcome failed(long deliveryId, int attempts, Instant nextAttempt, boolean dead, String error, Instant at) {
            return new Outcome(deliveryId, dead ? DeliveryStatus.DEAD : DeliveryStatus.PENDING, attempts, nextAttempt,
                    error, at);
        }
    }

    /** A delivery as the deliveries API shows it. */
    record DeliveryRecord(
            long id,
            String subscription,
            String callId,
            long feedSeq,
            CallState state,
            DeliveryStatus status,
            int attempts,
            int replays,
            Instant nextAttemptAt,
            String lastError,
            Instant createdAt,
            Instant updatedAt) {}

    /**
     * Filters of the deliveries list; null means "any".
     *
     * @param since deliveries created (claimed from the feed) at or after this time
     */
    record DeliveryQuery(
            DeliveryStatus status, String subscription, String callId, Instant since, int offset, int limit) {}

    /**
     * Which deliveries a bulk replay queues again: those of {@code subscription} and, when given,
     * of {@code callId} and created at or after {@code since}, whose status is in {@code statuses}.
     */
    record ReplaySelection(String subscription, String callId, Instant since, Set<DeliveryStatus> statuses) {}
}
