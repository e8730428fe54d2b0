package io.switchboard.vendor.telphin;

import io.switchboard.call.EventKind;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Telphin extension event types ({@code EventType}) and what each means canonically. {@code side}
 * is which end of the call the subscribed extension is on when the event alone tells it.
 */
enum TelphinEventType {
    DIAL_IN("dial-in", EventKind.RING, TelphinSide.CALLED),
    DIAL_OUT("dial-out", EventKind.RING, TelphinSide.CALLER),
    ANSWER("answer", EventKind.ANSWER, null),
    HANGUP("hangup", EventKind.HANGUP, null),
    MESSAGE_IN("message-in", EventKind.NON_CALL, TelphinSide.CALLED),
    MESSAGE_OUT("message-out", EventKind.NON_CALL, TelphinSide.CALLER);

    private final String wire;
    private final EventKind kind;
    private final TelphinSide side;

    TelphinEventType(String wire, EventKind kind, TelphinSide side) {
        this.wire = wire;
        this.kind = kind;
        this.side = side;
    }

    /** The type named by {@code value} in any case ({@code dial-in}, {@code DIAL-IN} …). */
    static Optional<TelphinEventType> fromWire(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.wire.equals(wanted)).findFirst();
    }

    String wire() {
        return wire;
    }

    EventKind kind() {
        return kind;
    }

    /** The subscriber's side implied by the event type, or null for answer/hangup. */
    TelphinSide side() {
        return side;
    }

    boolean isCall() {
        return kind != EventKind.NON_CALL;
    }
}
