package io.switchboard.journal;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Party;
import java.util.Map;
import java.util.Optional;

/**
 * What the journal can store of one event: the sized columns of {@code calls}, {@code call_keys}
 * and {@code events} (migration {@code V1__journal.sql}), and text both H2 and PostgreSQL keep as
 * sent. The ingress checks every translated event with {@link #problem(CallEvent)} before the inbox
 * commit, so an event the journal would refuse gets a 400 instead of a 200 followed by a failed
 * inbox row.
 */
public final class JournalLimits {

    /** {@code calls.line}, {@code calls.from_number}, {@code calls.to_number}. */
    public static final int NUMBER = 64;
    /** {@code calls.vendor_call_id}, {@code call_keys.vendor_key}, {@code calls.agent}. */
    public static final int ID = 128;
    /** {@code calls.recording_url}. */
    public static final int URL = 2048;
    /** {@code events.event_key}. */
    public static final int EVENT_KEY = 255;
    /** {@code events.vendor_event_type}. */
    public static final int EVENT_TYPE = 64;
    /** {@code inbox.content_type}: checked by the ingress on the request itself. */
    public static final int CONTENT_TYPE = 255;

    /** Why an event cannot be stored: {@code field_too_long} or {@code invalid_text}, and a message naming the field. */
    public record Problem(String code, String message) {}

    private JournalLimits() {}

    public static Optional<Problem> problem(CallEvent e) {
        Problem p = length("vendorCallId", e.vendorCallId(), ID);
        if (p == null) p = length("legId", e.legId(), ID);
        for (String linked : e.linkedIds()) {
            if (p == null) p = length("linkedIds", linked, ID);
        }
        if (p == null) p = length("line", e.line(), NUMBER);
        if (p == null) p = party("from", e.from());
        if (p == null) p = party("to", e.to());
        if (p == null) p = length("agent", e.agent(), ID);
        if (p == null) p = length("recordingUrl", e.recordingUrl(), URL);
        // A hub callback's CallAPIID is also a call_keys.vendor_key, behind its prefix.
        String callApiId = e.attributes().get("callApiId");
        if (p == null && callApiId != null && CorrelationKeys.of(e).contains(CorrelationKeys.CALL_API_ID + callApiId)) {
            p = length("attributes.callApiId", callApiId, ID - CorrelationKeys.CALL_API_ID.length());
        }
        for (Map.Entry<String, String> attribute : e.attributes().entrySet()) {
            if (p == null) p = text("attributes", attribute.getKey());
            if (p == null) p = text("attributes." + attribute.getKey(), attribute.getValue());
        }
        // Last: these derive from the fields above (a Keyyo event key holds the CALLREF).
        if (p == null) p = length("vendorEventType", e.vendorEventType(), EVENT_TYPE);
        if (p == null) p = length("eventKey", e.eventKey(), EVENT_KEY);
        return Optional.ofNullable(p);
    }

    private static Problem party(String field, Party party) {
        if (party == null) {
            return null;
        }
        Problem p = length(field, party.number(), NUMBER);
        return p != null ? p : text(field, party.raw());
    }

    private static Problem length(String field, String value, int max) {
        if (value != null && value.length() > max) {
            return new Problem("field_too_long", "The event's " + field + " is longer than " + max + " characters ("
                    + value.length() + ")");
        }
        return text(field, value);
    }

    /** NUL (PostgreSQL text cannot hold it) and unpaired UTF-16 surrogates (stored as '?' otherwise). */
    static Problem text(String field, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return new Problem("invalid_text", "The event's " + field + " contains a NUL character");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return new Problem("invalid_text", "The event's " + field + " contains an unpaired UTF-16 surrogate ("
                        + String.format("\\u%04x", (int) c) + ")");
            }
        }
        return null;
    }
}
