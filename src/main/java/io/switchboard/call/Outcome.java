package io.switchboard.call;

/**
 * How an ended call turned out. {@link #MISSED} is reserved for inbound calls that nobody
 * answered; an unanswered outbound or internal call is {@link #NO_ANSWER} unless the vendor says
 * more (busy, cancelled, failed).
 */
public enum Outcome {
    ANSWERED,
    MISSED,
    NO_ANSWER,
    BUSY,
    CANCELLED,
    FAILED
}
