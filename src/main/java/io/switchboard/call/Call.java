package io.switchboard.call;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The canonical call: what the query API returns and what connectors receive. Documented field by
 * field in {@code docs/canonical-model.md}.
 *
 * @param events the call's events, oldest first; empty in lists, filled by {@code GET /calls/{id}}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Call(
        String id,
        String vendor,
        String source,
        String vendorCallId,
        String line,
        Direction direction,
        String from,
        String to,
        CallState state,
        Outcome outcome,
        Instant startedAt,
        Instant answeredAt,
        Instant endedAt,
        Long ringSeconds,
        Long talkSeconds,
        String agent,
        String recordingUrl,
        List<String> legs,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<StoredEvent> events) {

    public Call {
        legs = legs == null ? List.of() : List.copyOf(legs);
        events = events == null ? List.of() : List.copyOf(events);
    }

    public Call withEvents(List<StoredEvent> stored) {
        return new Call(id, vendor, source, vendorCallId, line, direction, from, to, state, outcome, startedAt,
                answeredAt, endedAt, ringSeconds, talkSeconds, agent, recordingUrl, legs, stored);
    }
}
