package io.switchboard.call;

/** What a canonical event does to its call. Translators map each vendor event type onto one kind. */
public enum EventKind {
    /** A leg starts ringing (Keyyo SETUP, Telphin dial-in/dial-out, CALLR *_start, udesk begin/ringing). */
    RING,
    /** A leg is answered. */
    ANSWER,
    /** A leg hangs up; the call ends once every leg it has seen has hung up. */
    HANGUP,
    /** A recording became available; carries {@link CallEvent#recordingUrl()}. */
    RECORDING,
    /** Anything else about a call (hold, transfer, record stop …): stored, shown, no state change. */
    INFO,
    /**
     * The hub asked the vendor to place this call (click-to-call, {@code POST /api/v1/click-to-call}).
     * Opens the call in {@code RINGING} before any vendor event; it is no leg, so it never keeps a
     * call from ending. The vendor's own events then join the call (see docs/api/click-to-call.md).
     */
    ORIGINATE,
    /** An event that is not about a call at all (SMS, agent state, billing): stored, never a call. */
    NON_CALL
}
