package io.switchboard.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.switchboard.call.Call;
import io.switchboard.call.CallState;
import io.switchboard.call.CanonicalJson;
import io.switchboard.call.Direction;
import io.switchboard.call.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * What every CRM mapping needs to know about a canonical call, derived once: the customer's number
 * (the other party), the duration, the start and end, the texts for a title and notes.
 */
public record CallFacts(Call call) {

    /** Reads the canonical call JSON the call source delivers. */
    public static CallFacts parse(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("CRM sink: the message body is empty, expected a canonical call (JSON)");
        }
        try {
            Call call = CanonicalJson.MAPPER.readValue(json, Call.class);
            if (call.id() == null || call.state() == null) {
                throw new IllegalArgumentException("CRM sink: the message body is not a canonical call (no id or state)");
            }
            return new CallFacts(call);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("CRM sink: the message body is not a canonical call: " + e.getOriginalMessage());
        }
    }

    public String callId() {
        return call.id();
    }

    public boolean ended() {
        return call.state() == CallState.ENDED;
    }

    public boolean inbound() {
        return call.direction() == Direction.INBOUND;
    }

    public boolean outbound() {
        return call.direction() == Direction.OUTBOUND;
    }

    /** An inbound call nobody answered. */
    public boolean missedInbound() {
        return call.outcome() == Outcome.MISSED;
    }

    /**
     * The other party's number, the one to look up in the CRM: the caller of an inbound call, the
     * called number of an outbound one; null for internal calls.
     */
    public String customerNumber() {
        return switch (call.direction() == null ? Direction.INTERNAL : call.direction()) {
            case INBOUND -> call.from();
            case OUTBOUND -> call.to();
            case INTERNAL -> null;
        };
    }

    /** Talk time in seconds, 0 when the call was not answered. */
    public long durationSeconds() {
        return call.talkSeconds() == null ? 0 : Math.max(0, call.talkSeconds());
    }

    public Instant start() {
        if (call.startedAt() != null) {
            return call.startedAt();
        }
        return call.endedAt() != null ? call.endedAt() : Instant.EPOCH;
    }

    /** When the call ended; for a call still ringing or in progress, its start plus what is known. */
    public Instant end() {
        if (call.endedAt() != null) {
            return call.endedAt();
        }
        long ring = call.ringSeconds() == null ? 0 : call.ringSeconds();
        return start().plusSeconds(ring + durationSeconds());
    }

    /** A one-line title: "Inbound call from +33612345678", "Missed call from …", "Outbound call to …". */
    public String title() {
        String other = customerNumber() == null ? "" : customerNumber();
        if (call.direction() == Direction.INTERNAL) {
            return "Internal call " + nullToEmpty(call.from()) + " → " + nullToEmpty(call.to());
        }
        if (missedInbound()) {
            return "Missed call from " + other;
        }
        return inbound() ? "Inbound call from " + other : "Outbound call to " + other;
    }

    /** Plain-text notes: outcome, times, agent, line, recording and the hub call id. */
    public String notes() {
        StringBuilder text = new StringBuilder();
        text.append("Outcome: ").append(call.outcome() == null ? call.state().name() : call.outcome().name());
        text.append("\nFrom: ").append(nullToEmpty(call.from())).append("  To: ").append(nullToEmpty(call.to()));
        text.append("\nTalk time: ").append(minutesSeconds(durationSeconds()));
        if (call.ringSeconds() != null) {
            text.append("  Ring time: ").append(minutesSeconds(call.ringSeconds()));
        }
        if (call.agent() != null) {
            text.append("\nAgent: ").append(call.agent());
        }
        text.append("\nLine: ").append(nullToEmpty(call.line())).append(" (").append(call.vendor()).append(')');
        if (call.recordingUrl() != null) {
            text.append("\nRecording: ").append(call.recordingUrl());
        }
        text.append("\nSwitchboard call id: ").append(call.id());
        return text.toString();
    }

    /** {@code seconds} as "m:ss" for people (CRM fields use their own formats). */
    public static String minutesSeconds(long seconds) {
        Duration d = Duration.ofSeconds(Math.max(0, seconds));
        return String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
