package io.switchboard.vendor.callr;

import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.ingress.RejectedRequestException;
import java.util.Map;
import java.util.Set;

/** What each CALLR webhook {@code type} is to the hub. */
enum CallrEventType {
    INBOUND_START(EventKind.RING, Direction.INBOUND),
    INBOUND_HANGUP(EventKind.HANGUP, Direction.INBOUND),
    OUTBOUND_START(EventKind.RING, Direction.OUTBOUND),
    OUTBOUND_HANGUP(EventKind.HANGUP, Direction.OUTBOUND),
    RECORDING_NEW(EventKind.RECORDING, null),
    NOT_A_CALL(EventKind.NON_CALL, null);

    private static final Map<String, CallrEventType> CALL_TYPES = Map.of(
            "call.inbound_start", INBOUND_START,
            "call.inbound_hangup", INBOUND_HANGUP,
            "call.outbound_start", OUTBOUND_START,
            "call.outbound_hangup", OUTBOUND_HANGUP,
            "media.recording.new", RECORDING_NEW);

    private static final Set<String> NON_CALL_TYPES = Set.of(
            "media.recording.status_update",
            "sms.mo",
            "sms.mt.status_update",
            "did.assigned",
            "did.unassigned",
            "job.status_update",
            "media.library.status_update");

    /** Every {@code billing.credit*} type (balance warnings and the like). */
    private static final String BILLING_CREDIT_PREFIX = "billing.credit";

    private static final int MAX_ECHOED_TYPE_LENGTH = 64;

    private final EventKind kind;
    private final Direction direction;

    CallrEventType(EventKind kind, Direction direction) {
        this.kind = kind;
        this.direction = direction;
    }

    EventKind kind() {
        return kind;
    }

    /** INBOUND for CDR.In types, OUTBOUND for CDR.Out types, else null. */
    Direction direction() {
        return direction;
    }

    static CallrEventType of(String type) {
        CallrEventType known = CALL_TYPES.get(type);
        if (known != null) {
            return known;
        }
        if (NON_CALL_TYPES.contains(type) || type.startsWith(BILLING_CREDIT_PREFIX)) {
            return NOT_A_CALL;
        }
        throw RejectedRequestException.badRequest("unknown_event_type", "unknown event type " + printable(type));
    }

    private static String printable(String type) {
        String clean = type.replaceAll("[^\\x20-\\x7E]", "?");
        return clean.length() > MAX_ECHOED_TYPE_LENGTH ? clean.substring(0, MAX_ECHOED_TYPE_LENGTH) + "…" : clean;
    }
}
