package io.switchboard.vendor.udesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.call.Party;
import io.switchboard.config.Source;
import io.switchboard.config.Source.UdeskFields;
import io.switchboard.ingress.InboundRequest;
import io.switchboard.ingress.RejectedRequestException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Translates one udesk subscription callback (a JSON body) into one canonical event. */
final class UdeskCallbackTranslator {

    static final String VENDOR = "udesk";
    private static final int MAX_ECHO = 64;

    List<CallEvent> translate(InboundRequest request, Source source) {
        JsonNode body = UdeskJson.parseObject(request.body());
        UdeskFields fields = UdeskFieldPaths.of(source);
        String event = requireEvent(body, fields.event());
        UdeskRole role = UdeskEvents.roleOf(event);
        String callId = UdeskJson.text(body, fields.callId());
        if (callId == null && role != UdeskRole.NON_CALL) {
            throw RejectedRequestException.badRequest("missing_field",
                    "Missing udesk CallId at " + fields.callId() + " for event " + event);
        }
        Instant eventTime = eventTime(body, fields.timestamp());
        Instant occurredAt = eventTime != null ? eventTime : request.receivedAt();
        String agent = UdeskJson.text(body, fields.agentId());
        CallEvent.Builder builder = role == UdeskRole.NON_CALL
                ? CallEvent.builder(VENDOR, event, EventKind.NON_CALL, occurredAt)
                : callBuilder(body, fields, source, event, role, occurredAt);
        return List.of(builder
                .source(source.id())
                .eventKey(eventKey(callId, agent, event, eventTime))
                .vendorCallId(callId)
                .agent(agent)
                .attributes(attributes(body, fields))
                .build());
    }

    private static String requireEvent(JsonNode body, String pointer) {
        String raw = UdeskJson.text(body, pointer);
        if (raw == null) {
            throw RejectedRequestException.badRequest("missing_field", "Missing udesk event name at " + pointer);
        }
        String event = UdeskEvents.normalize(raw);
        if (UdeskEvents.roleOf(event) == null) {
            throw RejectedRequestException.badRequest("unknown_event",
                    "Unknown udesk event '" + echo(raw) + "' at " + pointer);
        }
        return event;
    }

    private static Instant eventTime(JsonNode body, String pointer) {
        String raw = UdeskJson.text(body, pointer);
        if (raw == null) {
            return null;
        }
        Instant parsed = UdeskTime.parse(raw);
        if (parsed == null) {
            throw RejectedRequestException.badRequest("malformed_field",
                    "Malformed udesk timestamp at " + pointer + ": expected epoch seconds or milliseconds");
        }
        return parsed;
    }

    private static CallEvent.Builder callBuilder(
            JsonNode body, UdeskFields fields, Source source, String event, UdeskRole role, Instant occurredAt) {
        UdeskNumbers numbers = new UdeskNumbers(source);
        Party caller = numbers.party(UdeskJson.text(body, fields.caller()));
        Party called = numbers.party(UdeskJson.text(body, fields.called()));
        Party trunk = numbers.party(UdeskJson.text(body, fields.spNumber()));
        Direction direction = direction(body, fields, event, numbers, caller, called, trunk);
        Party from = caller != null ? caller : direction == Direction.OUTBOUND ? trunk : null;
        Party to = called != null ? called : direction == Direction.INBOUND ? trunk : null;
        String recordingUrl = UdeskJson.text(body, fields.recordingUrl());
        return CallEvent.builder(VENDOR, event, role.kind(direction, recordingUrl != null), occurredAt)
                .direction(direction)
                .from(from)
                .to(to)
                .line(line(trunk, direction, from, to))
                .recordingUrl(recordingUrl);
    }

    /**
     * The direction field, else the call log's CallType, else inferred: start_dialout is an
     * outbound call; a called number that is the trunk (SpNumber) or one of the source's lines
     * makes it inbound, such a calling number outbound.
     */
    static Direction direction(JsonNode body, UdeskFields fields, String event, UdeskNumbers numbers,
            Party caller, Party called, Party trunk) {
        Direction told = UdeskDirections.parse(UdeskJson.text(body, fields.direction()));
        if (told == null) {
            told = UdeskDirections.parse(UdeskJson.text(body, UdeskFieldPaths.CALL_TYPE));
        }
        if (told != null) {
            return told;
        }
        if ("start_dialout".equals(event)) {
            return Direction.OUTBOUND;
        }
        if (numbers.isOwn(called, trunk)) {
            return Direction.INBOUND;
        }
        return numbers.isOwn(caller, trunk) ? Direction.OUTBOUND : null;
    }

    /** The trunk (SpNumber); without one, our side of the call as far as the direction tells. */
    private static String line(Party trunk, Direction direction, Party from, Party to) {
        if (trunk != null) {
            return trunk.number();
        }
        if (direction == Direction.INBOUND) {
            return UdeskNumbers.number(to);
        }
        return direction == Direction.OUTBOUND ? UdeskNumbers.number(from) : null;
    }

    private static String eventKey(String callId, String agent, String event, Instant eventTime) {
        String subject = callId != null ? callId : agent != null ? "agent:" + agent : null;
        if (subject == null || eventTime == null) {
            return null;
        }
        return subject + "|" + event + "|" + eventTime.toEpochMilli();
    }

    private static Map<String, String> attributes(JsonNode body, UdeskFields fields) {
        Map<String, String> attributes = new LinkedHashMap<>();
        put(attributes, "userData", UdeskJson.text(body, fields.userData()));
        put(attributes, "hangupBy", UdeskJson.text(body, fields.hangupBy()));
        put(attributes, "callDirection", UdeskJson.text(body, fields.direction()));
        UdeskFieldPaths.EXTRA_ATTRIBUTES.forEach((name, pointer) -> put(attributes, name, UdeskJson.text(body, pointer)));
        return attributes;
    }

    private static void put(Map<String, String> attributes, String name, String value) {
        if (value != null) {
            attributes.put(name, value);
        }
    }

    private static String echo(String value) {
        return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "…";
    }
}
