package io.switchboard.vendor.keyyo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.call.Party;
import io.switchboard.config.Source;
import io.switchboard.ingress.RejectedRequestException;
import io.switchboard.phone.PhoneNormalizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Translates one call notification of the Keyyo CTI JS SDK ({@code {"notify":"call","call":{...}}}
 * or the inner call object alone) into a canonical event of vendor {@code keyyo}, so that it joins
 * the call the server notifications describe (vendorCallId = callref). Used by the HTTP relay
 * ({@link KeyyoCtiDialect}) and usable as is from a websocket relay.
 */
public final class KeyyoCtiTranslator {

    /** Name of the optional JSON field (wrapper or call object) and query parameter giving the line. */
    public static final String LINE_FIELD = "line";

    private static final ObjectMapper JSON = new ObjectMapper();

    private KeyyoCtiTranslator() {}

    /** Parses a relay body: exactly one JSON object; 400 otherwise. */
    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw RejectedRequestException.badRequest("empty_body", "Empty body: expected one Keyyo CTI call notification as JSON");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw RejectedRequestException.badRequest("malformed_json", "Body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw RejectedRequestException.badRequest(
                    "malformed_json", "Body must be one JSON object ({\"notify\":\"call\",\"call\":{...}} or the call object)");
        }
        return root;
    }

    /** Convenience for relays that hold a JSON string. */
    public static JsonNode parse(String json) {
        return parse(json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Translates one message: the SDK's {@code {"notify":"call","call":{...}}} or the call object.
     *
     * @param message the JSON message
     * @param source the keyyo source it came through
     * @param line the subscriber's line when the relay knows it (query parameter), else null: then
     *     a {@code line} field of the message, else the source's only configured line, else unknown
     * @param receivedAt when the hub received it (used when the state's own date is missing)
     */
    public static CallEvent translate(JsonNode message, Source source, String line, Instant receivedAt) {
        JsonNode call = callObject(message);
        String callref = requireText(call, "callref");
        String state = requireText(call, "state").toUpperCase(Locale.ROOT);
        EventKind kind = kind(state);
        PhoneNormalizer.Context context =
                PhoneNormalizer.Context.of(source.defaultRegion(), source.extensionPattern(), true);
        Party caller = PhoneNormalizer.normalize(text(call, "caller"), context);
        Party callee = PhoneNormalizer.normalize(text(call, "callee"), context);
        Party linePart = PhoneNormalizer.normalize(line(message, call, line, source), context);
        String lineNumber = linePart == null ? null : linePart.number();
        Dates dates = dates(call);

        return CallEvent.builder(KeyyoTokens.SOURCE_VENDOR, "cti:" + state, kind, occurredAt(state, dates, receivedAt))
                .source(source.id())
                .eventKey("cti|" + callref + "|" + state)
                .vendorCallId(callref)
                .line(lineNumber)
                .direction(direction(lineNumber, caller, callee))
                .from(caller)
                .to(callee)
                .agent(kind == EventKind.ANSWER ? lineNumber : null)
                .startedAtHint(kind == EventKind.RING ? null : dates.setup())
                .answeredAtHint("RELEASE".equals(state) ? dates.connect() : null)
                .attributes(attributes(call, callref, state))
                .build();
    }

    /** The call object of a message: its {@code call} member when {@code notify} is present, else itself. */
    static JsonNode callObject(JsonNode message) {
        if (message == null || !message.isObject()) {
            throw RejectedRequestException.badRequest("malformed_json", "Expected a JSON object");
        }
        if (!message.has("notify") && !message.has("call")) {
            return message;
        }
        String notify = text(message, "notify");
        if (notify != null && !"call".equalsIgnoreCase(notify)) {
            throw RejectedRequestException.badRequest("unsupported_notify",
                    "Unsupported Keyyo CTI notification '" + KeyyoEpoch.clip(notify) + "' in field 'notify' (expected call)");
        }
        JsonNode call = message.get("call");
        if (call == null || !call.isObject()) {
            throw RejectedRequestException.badRequest("missing_field", "Missing field 'call': expected the call object");
        }
        return call;
    }

    static EventKind kind(String state) {
        return switch (state) {
            case "SETUP" -> EventKind.RING;
            case "CONNECT" -> EventKind.ANSWER;
            case "RELEASE", "MISSED" -> EventKind.HANGUP;
            default -> throw RejectedRequestException.badRequest("unknown_event_type", "Unknown Keyyo CTI state '"
                    + KeyyoEpoch.clip(state) + "' in field 'state' (expected SETUP, CONNECT, RELEASE or MISSED)");
        };
    }

    private record Dates(Instant setup, Instant connect, Instant release) {}

    private static Dates dates(JsonNode call) {
        return new Dates(
                KeyyoEpoch.toInstant(text(call, "setup_date"), "setup_date"),
                KeyyoEpoch.toInstant(text(call, "connect_date"), "connect_date"),
                KeyyoEpoch.toInstant(text(call, "release_date"), "release_date"));
    }

    private static Instant occurredAt(String state, Dates dates, Instant receivedAt) {
        Instant own = switch (state) {
            case "SETUP" -> dates.setup();
            case "CONNECT" -> dates.connect();
            default -> dates.release();
        };
        return own != null ? own : receivedAt;
    }

    private static String line(JsonNode message, JsonNode call, String given, Source source) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        String inMessage = text(message, LINE_FIELD);
        if (inMessage != null) {
            return inMessage;
        }
        String inCall = text(call, LINE_FIELD);
        if (inCall != null) {
            return inCall;
        }
        return source.lines().size() == 1 ? source.lines().get(0) : null;
    }

    static Direction direction(String line, Party caller, Party callee) {
        if (line == null) {
            return null;
        }
        boolean callerIsLine = caller != null && line.equals(caller.number());
        boolean calleeIsLine = callee != null && line.equals(callee.number());
        if (callerIsLine == calleeIsLine) {
            return null;
        }
        return callerIsLine ? Direction.OUTBOUND : Direction.INBOUND;
    }

    private static Map<String, String> attributes(JsonNode call, String callref, String state) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("feed", "cti");
        a.put("callref", callref);
        a.put("ctiState", state);
        String slot = text(call, "callpark_slot");
        if (slot != null) {
            a.put("callparkSlot", slot);
        }
        return a;
    }

    private static String requireText(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw RejectedRequestException.badRequest("missing_field", "Missing field '" + field + "' in the Keyyo CTI call");
        }
        return value;
    }

    /** A scalar field as text; null when absent, null or blank; 400 when it is an object or array. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isContainerNode()) {
            throw RejectedRequestException.badRequest("malformed_field", "Field '" + field + "' must be a string or a number");
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }
}
