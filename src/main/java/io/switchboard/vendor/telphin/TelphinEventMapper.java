package io.switchboard.vendor.telphin;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.call.Outcome;
import io.switchboard.call.Party;
import io.switchboard.config.Source;
import io.switchboard.ingress.RejectedRequestException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Translates one Telphin extension event into one canonical event. Every event is sent on behalf
 * of one subscribed extension (the "subscriber"): the called extension of a dial-in, the calling
 * extension of a dial-out, and for answer/hangup the side {@code CallFlow} names.
 */
final class TelphinEventMapper {

    static final String EVENT_TYPE = "EventType";
    static final String CALL_ID = "CallID";
    static final String SUB_CALL_ID = "SubCallID";
    static final String CALL_API_ID = "CallAPIID";
    static final String CALLER_ID_NUM = "CallerIDNum";
    static final String CALLER_ID_NAME = "CallerIDName";
    static final String CALLED_DID = "CalledDID";
    static final String CALLED_NUMBER = "CalledNumber";
    static final String CALLER_EXTENSION = "CallerExtension";
    static final String CALLER_EXTENSION_ID = "CallerExtensionID";
    static final String CALLED_EXTENSION = "CalledExtension";
    static final String CALLED_EXTENSION_ID = "CalledExtensionID";
    static final String CALL_FLOW = "CallFlow";
    static final String CALL_STATUS = "CallStatus";
    static final String EVENT_TIME = "EventTime";
    static final String DURATION = "Duration";
    static final String REC_ID = "RecID";
    static final String DIVERSION = "Diversion";
    static final String TRANSFERED = "Transfered";
    static final String BRIDGED = "Bridged";

    /** Prefix of {@code CallAPIID} on legs started by the callback (click-to-call) API. */
    static final String CALLBACK_PREFIX = "cb-";

    private final TelphinParams params;
    private final TelphinEventType type;
    private final TelphinNumbers numbers;
    private final Source source;
    private final Instant receivedAt;

    TelphinEventMapper(TelphinParams params, TelphinEventType type, Source source, Instant receivedAt) {
        this.params = params;
        this.type = type;
        this.numbers = new TelphinNumbers(source);
        this.source = source;
        this.receivedAt = receivedAt;
    }

    CallEvent map() {
        String callId = type.isCall() ? params.required(CALL_ID) : params.get(CALL_ID);
        Long eventMicros = params.micros(EVENT_TIME);
        Long durationMicros = params.micros(DURATION);
        TelphinSide side = side();
        String line = line(side);
        boolean quirk = answerQuirk(side);
        Outcome outcome = outcome();
        return CallEvent.builder(TelphinDialect.VENDOR, type.wire(), type.kind(), occurredAt(eventMicros))
                .source(source.id())
                .eventKey(eventKey(callId))
                .vendorCallId(callId)
                .legId(params.get(SUB_CALL_ID))
                .line(line)
                .direction(direction(side))
                .from(quirk ? null : caller())
                .to(called())
                .agent(line)
                .outcomeHint(outcome)
                .answeredAtHint(answeredAtHint(eventMicros, durationMicros))
                .attributes(attributes(quirk))
                .build();
    }

    private Instant occurredAt(Long eventMicros) {
        if (eventMicros != null) {
            return TelphinParams.epochMicros(eventMicros);
        }
        if (receivedAt == null) {
            throw RejectedRequestException.badRequest("missing_field", "Missing field " + EVENT_TIME);
        }
        return receivedAt;
    }

    /** {@code CallID|SubCallID|event-type|EventTime}; null without a CallID (messages). */
    private String eventKey(String callId) {
        if (callId == null) {
            return null;
        }
        return String.join("|", callId, orEmpty(params.get(SUB_CALL_ID)), type.wire(), orEmpty(params.get(EVENT_TIME)));
    }

    /** CallFlow first, then the event type, then whichever single extension field is present. */
    private TelphinSide side() {
        TelphinSide byFlow = TelphinSide.fromCallFlow(params.get(CALL_FLOW));
        if (byFlow != null) {
            return byFlow;
        }
        if (type.side() != null) {
            return type.side();
        }
        boolean caller = params.has(CALLER_EXTENSION);
        boolean called = params.has(CALLED_EXTENSION);
        if (caller == called) {
            return null;
        }
        return caller ? TelphinSide.CALLER : TelphinSide.CALLED;
    }

    private Direction direction(TelphinSide side) {
        if (type.isCall() && params.isYes(TRANSFERED)) {
            return null; // a forward of an incoming call: the leg goes out, the call came in
        }
        if (isInternal()) {
            return Direction.INTERNAL;
        }
        if (type.kind() == EventKind.ANSWER && params.has(CALLER_EXTENSION) && params.has(CALLED_EXTENSION)) {
            return null; // maybe internal, but an answer's CallerIDNum cannot tell: the ring event does
        }
        return side == null ? null : side.direction();
    }

    /**
     * Both ends are extensions of the PBX: both extension fields are set, the caller number is an
     * extension and the called number (when given) is one. Never decided on answer events (their
     * CallerIDNum is unreliable) nor on callback legs (a click-to-call is an outbound call).
     */
    private boolean isInternal() {
        if (!type.isCall() || type.kind() == EventKind.ANSWER || isCallback()) {
            return false;
        }
        String calledNumber = params.get(CALLED_NUMBER);
        return params.has(CALLER_EXTENSION)
                && params.has(CALLED_EXTENSION)
                && numbers.isExtension(params.get(CALLER_ID_NUM))
                && (calledNumber == null || numbers.isExtension(calledNumber));
    }

    private boolean isCallback() {
        String apiId = params.get(CALL_API_ID);
        return apiId != null && apiId.startsWith(CALLBACK_PREFIX);
    }

    /**
     * Captured quirk: on answer events CallerIDNum is the answering extension, not the outside
     * caller. Unless the subscriber is the caller (CallFlow out), such a number is not the caller.
     */
    private boolean answerQuirk(TelphinSide side) {
        if (type.kind() != EventKind.ANSWER || side == TelphinSide.CALLER) {
            return false;
        }
        return numbers.isExtension(params.get(CALLER_ID_NUM));
    }

    private Party caller() {
        Party byNumber = numbers.party(params.get(CALLER_ID_NUM));
        return byNumber != null ? byNumber : numbers.party(params.get(CALLER_EXTENSION));
    }

    /**
     * The number the caller dialled: the DID when the call came in on one (CRMs want the business
     * number, the extension is already the line), else the number or extension rung. A dial-out
     * (including a forward to an outside number) is to the number it dials.
     */
    private Party called() {
        Party did = type == TelphinEventType.DIAL_OUT ? null : numbers.party(params.get(CALLED_DID));
        if (did != null) {
            return did;
        }
        Party byNumber = numbers.party(params.get(CALLED_NUMBER));
        return byNumber != null ? byNumber : numbers.party(params.get(CALLED_EXTENSION));
    }

    /** The subscriber's extension ({@code prefix*name}), falling back to its short number. */
    private String line(TelphinSide side) {
        if (side == null) {
            return null;
        }
        return side == TelphinSide.CALLER
                ? extensionOf(CALLER_EXTENSION, CALLER_ID_NUM)
                : extensionOf(CALLED_EXTENSION, CALLED_NUMBER);
    }

    private String extensionOf(String extensionField, String numberField) {
        String extension = numbers.extension(params.get(extensionField));
        return extension != null ? extension : numbers.extension(params.get(numberField));
    }

    /**
     * Hangups only. {@code Bridged} (sent by IVRs and queues, which answer every call themselves)
     * wins over {@code CallStatus}: yes means someone took the call, no means nobody did.
     */
    private Outcome outcome() {
        if (type.kind() != EventKind.HANGUP) {
            return null;
        }
        if (params.isYes(BRIDGED)) {
            return Outcome.ANSWERED;
        }
        Outcome byStatus = TelphinCallStatus.outcome(params.get(CALL_STATUS)).orElse(null);
        return byStatus == Outcome.ANSWERED && params.isNo(BRIDGED) ? null : byStatus;
    }

    /**
     * EventTime − Duration on an answered hangup of an ordinary extension (no Bridged field: the
     * Duration of an IVR or queue leg runs from the moment the IVR/queue itself picked up).
     */
    private Instant answeredAtHint(Long eventMicros, Long durationMicros) {
        if (type.kind() != EventKind.HANGUP
                || eventMicros == null
                || durationMicros == null
                || durationMicros > eventMicros
                || params.has(BRIDGED)
                || !TelphinCallStatus.isAnswer(params.get(CALL_STATUS))) {
            return null;
        }
        return TelphinParams.epochMicros(eventMicros - durationMicros);
    }

    private Map<String, String> attributes(boolean quirk) {
        Map<String, String> attributes = new LinkedHashMap<>();
        put(attributes, "callApiId", params.get(CALL_API_ID));
        put(attributes, "callback", isCallback() ? "yes" : null);
        put(attributes, "callerIdName", params.get(CALLER_ID_NAME));
        put(attributes, "callerIdNum", quirk ? params.get(CALLER_ID_NUM) : null);
        Party did = numbers.party(params.get(CALLED_DID));
        put(attributes, "calledDid", did == null ? null : did.number());
        put(attributes, "callerExtension", params.get(CALLER_EXTENSION));
        put(attributes, "callerExtensionId", params.get(CALLER_EXTENSION_ID));
        put(attributes, "calledExtension", params.get(CALLED_EXTENSION));
        put(attributes, "calledExtensionId", params.get(CALLED_EXTENSION_ID));
        put(attributes, "callFlow", params.get(CALL_FLOW));
        put(attributes, "callStatus", params.get(CALL_STATUS));
        put(attributes, "durationMicros", params.get(DURATION));
        put(attributes, "recId", params.get(REC_ID));
        put(attributes, "diversion", params.get(DIVERSION));
        put(attributes, "transferred", params.get(TRANSFERED));
        put(attributes, "bridged", params.get(BRIDGED));
        return attributes;
    }

    private static void put(Map<String, String> attributes, String name, String value) {
        if (value != null) {
            attributes.put(name, value);
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
