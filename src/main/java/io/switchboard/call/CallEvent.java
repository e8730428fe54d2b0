package io.switchboard.call;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One vendor event translated into the canonical model. Translators build these; the assembler
 * folds every event of a call into a {@link Call}.
 *
 * <p>Correlation: {@code vendorCallId} names the call as the vendor sees it (Keyyo SESSION_ID or
 * CALLREF, CALLR callid, Telphin CallID, udesk CallId). {@code legId} names one leg of it (Keyyo
 * DREF, CALLR outbound callid, Telphin SubCallID). {@code linkedIds} are ids of other calls or legs
 * this event belongs with (Keyyo DREF_REPLACE, CALLR callid_in): when the hub already knows one of
 * them, the event joins that call. When {@code vendorCallId} is null (Keyyo templates without
 * CALLREF) the event joins the open call of the same line and numbers.
 *
 * @param vendor vendor id: keyyo, callr, telphin, udesk
 * @param source configured source id the event came through
 * @param eventKey natural de-duplication key within the vendor, or null when the vendor gives none
 *     (the assembler then keys the event by its inbox row, which makes replays idempotent)
 * @param vendorEventType the vendor's own event name (SETUP, call.inbound_hangup, dial-in …)
 * @param kind what the event does to the call
 * @param occurredAt when it happened (vendor time when given, else when the hub received it)
 * @param line the subscriber's own number or extension the event is about
 * @param direction direction as far as this event tells, or null
 * @param from calling party, or null
 * @param to called party, or null
 * @param agent agent / extension / user handling the leg, or null
 * @param outcomeHint vendor's own verdict on a hangup (busy, cancelled …), or null
 * @param startedAtHint start time the vendor reports on a later event (CDRs), or null
 * @param answeredAtHint answer time the vendor reports on a later event (CDRs), or null
 * @param recordingUrl recording link, or null
 * @param attributes other vendor facts worth keeping (redirecting number, hangup source …)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CallEvent(
        String vendor,
        String source,
        String eventKey,
        String vendorEventType,
        EventKind kind,
        Instant occurredAt,
        String vendorCallId,
        String legId,
        List<String> linkedIds,
        String line,
        Direction direction,
        Party from,
        Party to,
        String agent,
        Outcome outcomeHint,
        Instant startedAtHint,
        Instant answeredAtHint,
        String recordingUrl,
        Map<String, String> attributes) {

    public CallEvent {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(vendorEventType, "vendorEventType");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
        linkedIds = linkedIds == null ? List.of() : List.copyOf(linkedIds);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public static Builder builder(String vendor, String vendorEventType, EventKind kind, Instant occurredAt) {
        return new Builder(vendor, vendorEventType, kind, occurredAt);
    }

    public Builder toBuilder() {
        return new Builder(vendor, vendorEventType, kind, occurredAt)
                .source(source)
                .eventKey(eventKey)
                .vendorCallId(vendorCallId)
                .legId(legId)
                .linkedIds(linkedIds)
                .line(line)
                .direction(direction)
                .from(from)
                .to(to)
                .agent(agent)
                .outcomeHint(outcomeHint)
                .startedAtHint(startedAtHint)
                .answeredAtHint(answeredAtHint)
                .recordingUrl(recordingUrl)
                .attributes(attributes);
    }

    /** Fluent builder: translators set what the vendor gives and leave the rest null. */
    public static final class Builder {
        private final String vendor;
        private final String vendorEventType;
        private final EventKind kind;
        private final Instant occurredAt;
        private String source;
        private String eventKey;
        private String vendorCallId;
        private String legId;
        private List<String> linkedIds = List.of();
        private String line;
        private Direction direction;
        private Party from;
        private Party to;
        private String agent;
        private Outcome outcomeHint;
        private Instant startedAtHint;
        private Instant answeredAtHint;
        private String recordingUrl;
        private Map<String, String> attributes = Map.of();

        private Builder(String vendor, String vendorEventType, EventKind kind, Instant occurredAt) {
            this.vendor = vendor;
            this.vendorEventType = vendorEventType;
            this.kind = kind;
            this.occurredAt = occurredAt;
        }

        public Builder source(String v) { source = v; return this; }
        public Builder eventKey(String v) { eventKey = v; return this; }
        public Builder vendorCallId(String v) { vendorCallId = blankToNull(v); return this; }
        public Builder legId(String v) { legId = blankToNull(v); return this; }
        public Builder linkedIds(List<String> v) { linkedIds = v; return this; }
        public Builder line(String v) { line = blankToNull(v); return this; }
        public Builder direction(Direction v) { direction = v; return this; }
        public Builder from(Party v) { from = v; return this; }
        public Builder to(Party v) { to = v; return this; }
        public Builder agent(String v) { agent = blankToNull(v); return this; }
        public Builder outcomeHint(Outcome v) { outcomeHint = v; return this; }
        public Builder startedAtHint(Instant v) { startedAtHint = v; return this; }
        public Builder answeredAtHint(Instant v) { answeredAtHint = v; return this; }
        public Builder recordingUrl(String v) { recordingUrl = blankToNull(v); return this; }
        public Builder attributes(Map<String, String> v) { attributes = v; return this; }

        public CallEvent build() {
            return new CallEvent(vendor, source, eventKey, vendorEventType, kind, occurredAt, vendorCallId, legId,
                    linkedIds, line, direction, from, to, agent, outcomeHint, startedAtHint, answeredAtHint,
                    recordingUrl, attributes);
        }

        private static String blankToNull(String v) {
            return v == null || v.isBlank() ? null : v;
        }
    }
}
