package io.switchboard.crm;

import java.util.Optional;

/**
 * One CRM's way of writing a call: create or update the call activity, and the follow-up task of a
 * missed call. Also its contact search ({@link ContactDirectory}). Implementations only map and
 * send; the flow (idempotency, matching, owners) is {@link CrmCallSink}'s.
 */
public interface CrmCallWriter extends ContactDirectory, AutoCloseable {

    /** What the activity says and links to: the call, its lookup result and its owner (null: CRM default). */
    record Activity(CallFacts call, ContactMatch match, String ownerId) {

        /** The title, "[REVIEW] " first when the lookup was flagged. */
        public String title() {
            return (match.flagged() ? "[REVIEW] " : "") + call.title();
        }

        /** The notes, with a line about an ambiguous lookup. */
        public String notes() {
            String note = match.note();
            return note.isEmpty() ? call.notes() : call.notes() + "\n" + note;
        }
    }

    /**
     * The activity already in the CRM for this call though the journal does not know it (written
     * just before a crash), found by the hub call id; empty when the CRM cannot tell. Asked only
     * after a create whose answer the hub may not have read.
     */
    default Optional<String> findExisting(CallFacts call) {
        return Optional.empty();
    }

    /**
     * Whether {@link #findExisting} can find anything (as configured): only then does the sink
     * commit a mark before each create, so that a later attempt knows to ask.
     */
    default boolean findsExisting() {
        return false;
    }

    /** Creates the call activity; returns its CRM id. */
    String create(Activity activity);

    /** Whether {@link #update} is possible (Pipedrive call logs cannot be changed). */
    default boolean canUpdate() {
        return true;
    }

    /** Updates the activity {@code recordId} to what the call is now. */
    void update(String recordId, Activity activity);

    /** Whether {@link #attachRecording} uploads recording files (else the link in the notes is all). */
    default boolean attachesRecordings() {
        return false;
    }

    /**
     * Attaches the call's recording file (from {@code recordingUrl}) to the activity {@code recordId}.
     *
     * @return true when attached (or already there), false when skipped for good (too large, gone):
     *         the link in the notes then stands; throws a retryable failure when trying later may help
     */
    default boolean attachRecording(String recordId, Activity activity) {
        return false;
    }

    /** Creates the follow-up task of a missed inbound call for its owner; returns its CRM id. */
    String createFollowUp(Activity activity);

    @Override
    void close();
}
