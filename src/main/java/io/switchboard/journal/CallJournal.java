package io.switchboard.journal;

import io.switchboard.call.Call;
import io.switchboard.call.CallEvent;
import io.switchboard.call.StoredEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The durable record of calls and their events. Translators never see it; the assembler writes,
 * the query API and connectors read. Implemented on JDBC (H2, PostgreSQL) today; kept small so a
 * different store can replace it without touching translators or connectors.
 */
public interface CallJournal {

    /**
     * Records the events translated from one inbox row and recomputes the calls they touch.
     * Idempotent: an event whose key is already journaled is skipped. Runs inside the caller's
     * transaction.
     *
     * @return how many events were new
     */
    int record(long inboxId, List<CallEvent> events);

    /**
     * Records the {@link io.switchboard.call.EventKind#ORIGINATE} event of a click-to-call the hub
     * asked a vendor to place, and opens (or joins) its call. Runs inside the caller's transaction,
     * under {@link JournalWriteLock}.
     *
     * @param proposedId the hub call id to use for a new call
     * @param requested the ORIGINATE event; its vendor ids and correlation tags are registered
     * @param pendingKeys keys the vendor's first event will be matched by when it carries no id the
     *     hub knows ({@link CorrelationKeys#pending}); any older holder of such a key loses it
     * @return the call's id: {@code proposedId}, or the call the vendor's events already opened
     */
    String originate(String proposedId, CallEvent requested, Set<String> pendingKeys);

    /**
     * Click-to-calls still waiting for their vendor's first event: calls in {@code RINGING} whose
     * only events are ORIGINATE, requested before {@code requestedBefore}, oldest first.
     */
    List<UnconfirmedOrigination> unconfirmedOriginations(Instant requestedBefore, int limit);

    /**
     * Stops watching click-to-calls requested before {@code requestedBefore} that are no longer
     * unconfirmed (a vendor event joined them, or they ended), so the watch list stays short.
     *
     * @return how many it stopped watching
     */
    int forgetSettledOriginations(Instant requestedBefore);

    /**
     * Ends a click-to-call that got no vendor event with {@code timeoutEvent} (a hub-made HANGUP),
     * journaled and announced like any other event. Runs inside the caller's transaction, under
     * {@link JournalWriteLock}; checks again there that the call is still unconfirmed.
     *
     * @return false if a vendor event arrived meanwhile, or the event is already journaled
     */
    boolean endUnconfirmedOrigination(String callId, CallEvent timeoutEvent);

    /**
     * Calls for a live-feed replay, without their events, in the order they last changed (oldest
     * first): those changed at or after {@code changedSince} (null: any time), only those in
     * progress ({@code RINGING}, {@code ANSWERED}) if {@code inProgressOnly}; at most {@code limit},
     * the most recently changed ones.
     */
    List<Call> changedCalls(Instant changedSince, boolean inProgressOnly, int limit);

    Optional<Call> findCall(String id);

    /** The call without its events (what the call-event source delivers): cheaper than {@link #findCall}. */
    default Optional<Call> findCallWithoutEvents(String id) {
        return findCall(id).map(c -> c.withEvents(List.of()));
    }

    Page<Call> searchCalls(CallQuery query);

    Page<StoredEvent> searchEvents(EventQuery query);
}
