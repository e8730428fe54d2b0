package io.switchboard.call;

/** Which way a call goes, seen from the subscriber's line. */
public enum Direction {
    INBOUND,
    OUTBOUND,
    INTERNAL
}
