package io.switchboard.vendor.udesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.call.Outcome;
import io.switchboard.call.Party;
import io.switchboard.config.Source;
import io.switchboard.ingress.RejectedRequestException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Translates one record of the udesk call log ({@code GET calls/logs}, completed calls of the last
 * week) into canonical events: a RING at {@code StartTime}, an ANSWER when the call was answered
 * and a HANGUP at {@code EndTime} carrying the start and answer times as hints. Event keys start
 * with {@code log|}, so the log reconciles calls whose callbacks were missed without duplicating
 * itself when it is read again.
 *
 * <p>Answered means: the agent answered an incoming call ({@code AgentAnswerTime}), the customer
 * answered an outgoing one ({@code UserAnswerTime}); for other call types both must have answered.
 */
@Component
public class UdeskCallLogTranslator {

    static final String RING = "log_start";
    static final String ANSWER = "log_answer";
    static final String HANGUP = "log_end";

    private static final Map<String, String> ATTRIBUTES = attributeFields();

    public List<CallEvent> translate(JsonNode record, Source source) {
        if (record == null || !record.isObject()) {
            throw RejectedRequestException.badRequest("malformed_json", "udesk call log record must be a JSON object");
        }
        String callId = UdeskJson.text(record, "/CallId");
        if (callId == null) {
            throw RejectedRequestException.badRequest("missing_field", "Missing CallId in udesk call log record");
        }
        Instant start = time(record, "StartTime");
        Instant end = end(record, start);
        Direction direction = UdeskDirections.parse(UdeskJson.text(record, "/CallType"));
        Instant answered = answeredAt(record, direction);
        CallEvent template = template(record, source, callId, direction);
        List<CallEvent> events = new ArrayList<>();
        if (start != null) {
            events.add(event(template, RING, EventKind.RING, start).build());
        }
        if (answered != null) {
            events.add(event(template, ANSWER, EventKind.ANSWER, answered).build());
        }
        events.add(event(template, HANGUP, EventKind.HANGUP, end)
                .startedAtHint(start)
                .answeredAtHint(answered)
                .outcomeHint(answered != null ? Outcome.ANSWERED : null)
                .build());
        return List.copyOf(events);
    }

    private static CallEvent.Builder event(CallEvent template, String type, EventKind kind, Instant at) {
        return CallEvent.builder(template.vendor(), type, kind, at)
                .source(template.source())
                .eventKey("log|" + template.vendorCallId() + "|" + type)
                .vendorCallId(template.vendorCallId())
                .line(template.line())
                .direction(template.direction())
                .from(template.from())
                .to(template.to())
                .agent(template.agent())
                .attributes(template.attributes());
    }

    /** What every event of the record shares (a throw-away event holds it). */
    private static CallEvent template(JsonNode record, Source source, String callId, Direction direction) {
        UdeskNumbers numbers = new UdeskNumbers(source);
        Party trunk = numbers.party(UdeskJson.text(record, "/SpNumber"));
        Party user = numbers.party(UdeskJson.text(record, "/DestNumber"));
        String agent = UdeskJson.text(record, "/AgentId");
        CallEvent.Builder builder = CallEvent.builder(UdeskCallbackTranslator.VENDOR, HANGUP, EventKind.INFO, Instant.EPOCH)
                .source(source.id())
                .vendorCallId(callId)
                .direction(direction)
                .agent(agent != null ? agent : UdeskJson.text(record, "/WorkId"))
                .line(UdeskNumbers.number(trunk))
                .attributes(attributes(record));
        return parties(builder, direction, trunk, user).build();
    }

    /**
     * Outgoing: trunk (displayed number) calls the user number. Incoming: the trunk is called; the
     * "user number" is the caller unless udesk wrote the trunk there (its own example does).
     */
    private static CallEvent.Builder parties(CallEvent.Builder builder, Direction direction, Party trunk, Party user) {
        if (direction == Direction.OUTBOUND) {
            return builder.from(trunk).to(user);
        }
        if (direction == Direction.INBOUND) {
            boolean userIsTrunk = user != null && trunk != null && user.number().equals(trunk.number());
            return builder.from(userIsTrunk ? null : user).to(trunk != null ? trunk : user);
        }
        return builder.to(user);
    }

    private static Instant answeredAt(JsonNode record, Direction direction) {
        Instant agent = time(record, "AgentAnswerTime");
        Instant user = time(record, "UserAnswerTime");
        if (direction == Direction.INBOUND) {
            return agent;
        }
        if (direction == Direction.OUTBOUND) {
            return user;
        }
        return agent != null && user != null ? (agent.isAfter(user) ? agent : user) : null;
    }

    private static Instant end(JsonNode record, Instant start) {
        Instant end = time(record, "EndTime");
        if (end != null) {
            return end;
        }
        String total = UdeskJson.text(record, "/TotalDuration");
        if (start != null && total != null && UdeskTime.isEpoch(total)) {
            return start.plus(Duration.ofSeconds(Long.parseLong(total)));
        }
        throw RejectedRequestException.badRequest("missing_field", "Missing EndTime in udesk call log record");
    }

    /** A log time in milliseconds (or seconds); 0 or absent means none. */
    private static Instant time(JsonNode record, String field) {
        String raw = UdeskJson.text(record, "/" + field);
        if (raw == null || raw.equals("0")) {
            return null;
        }
        Instant parsed = UdeskTime.parse(raw);
        if (parsed == null) {
            throw RejectedRequestException.badRequest("malformed_field",
                    "Malformed " + field + " in udesk call log record: expected epoch milliseconds");
        }
        return parsed;
    }

    private static Map<String, String> attributes(JsonNode record) {
        Map<String, String> attributes = new LinkedHashMap<>();
        ATTRIBUTES.forEach((name, field) -> {
            String value = UdeskJson.text(record, "/" + field);
            if (value != null) {
                attributes.put(name, value);
            }
        });
        return attributes;
    }

    private static Map<String, String> attributeFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("callType", "CallType");
        fields.put("endType", "EndType");
        fields.put("hangupBy", "HangupBy");
        fields.put("hangupReason", "HangupReason");
        fields.put("hangupCode", "HangupCode");
        fields.put("callDuration", "CallDuration");
        fields.put("totalDuration", "TotalDuration");
        fields.put("agentName", "AgentName");
        fields.put("agentEmail", "Email");
        fields.put("workId", "WorkId");
        fields.put("agentDevType", "AgentDevType");
        fields.put("userProvince", "UNProvince");
        fields.put("userCity", "UNCity");
        fields.put("adCallId", "AdCallId");
        fields.put("adTaskId", "AdTaskId");
        return Map.copyOf(fields);
    }
}
