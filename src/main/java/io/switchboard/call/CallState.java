package io.switchboard.call;

/** Where a call is in its life. A call only moves forward: RINGING, then ANSWERED, then ENDED. */
public enum CallState {
    RINGING,
    ANSWERED,
    ENDED
}
