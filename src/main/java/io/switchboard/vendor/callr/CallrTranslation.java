package io.switchboard.vendor.callr;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.call.Outcome;
import io.switchboard.call.Party;
import io.switchboard.config.Source;
import io.switchboard.ingress.RejectedRequestException;
import io.switchboard.phone.PhoneNormalizer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** Turns one parsed CALLR webhook into its canonical event. One instance per request. */
final class CallrTranslation {

    /** CDR.Out {@code dialstatus} → outcome. An unknown status falls back to the answer fields. */
    private static final Map<String, Outcome> DIAL_STATUS = Map.of(
            "ANSWER", Outcome.ANSWERED,
            "NOANSWER", Outcome.NO_ANSWER,
            "BUSY", Outcome.BUSY,
            "CANCEL", Outcome.CANCELLED,
            "CHANUNAVAIL", Outcome.FAILED,
            "CONGESTION", Outcome.FAILED,
            "NODIAL", Outcome.FAILED);

    /** CDR fields kept on every call event. */
    private static final List<String> CDR_ATTRIBUTES =
            List.of("cli_name", "cli_pres", "did_hash", "scenario_hash", "scenario_name");

    /** CDR fields that only mean something once the call is over. */
    private static final List<String> HANGUP_ATTRIBUTES = List.of(
            "dialstatus",
            "hangupsource",
            "hangupcause",
            "duration",
            "duration_answered",
            "duration_billed",
            "billing_customer_debit_eur");

    /** Media.Recording fields kept on a recording event. */
    private static final List<String> RECORDING_ATTRIBUTES =
            List.of("status", "type", "duration", "app_hash", "app_name", "did_hash");

    /** Free text not worth copying into attributes (the raw request is kept by the inbox). */
    private static final List<String> NON_CALL_SKIPPED = List.of("text");

    private final CallrEnvelope envelope;
    private final JsonNode data;
    private final Source source;
    private final Instant receivedAt;
    private final PhoneNormalizer.Context phones;

    CallrTranslation(CallrEnvelope envelope, Source source, Instant receivedAt) {
        this.envelope = envelope;
        this.data = envelope.data();
        this.source = source;
        this.receivedAt = receivedAt;
        this.phones = PhoneNormalizer.Context.of(source.defaultRegion(), source.extensionPattern(), true);
    }

    CallEvent translate(CallrEventType type) {
        return switch (type) {
            case RECORDING_NEW -> recording();
            case NOT_A_CALL -> nonCall();
            default -> call(type);
        };
    }

    private CallEvent call(CallrEventType type) {
        String callId = CallrFields.callId(data, "callid");
        if (callId == null) {
            throw RejectedRequestException.badRequest("missing_field", "missing data.callid");
        }
        boolean hangup = type.kind() == EventKind.HANGUP;
        Instant start = CallrFields.datetime(data, "start");
        Instant vendorTime = hangup ? firstNonNull(CallrFields.datetime(data, "hangup"), start) : start;
        CallEvent.Builder event = builder(type.kind(), vendorTime)
                .direction(type.direction())
                .startedAtHint(start)
                .attributes(callAttributes(hangup));
        correlate(event, type.direction(), callId);
        parties(event, type.direction());
        if (hangup) {
            Outcome outcome = outcome();
            event.outcomeHint(outcome);
            event.answeredAtHint(outcome == Outcome.ANSWERED ? CallrFields.datetime(data, "answer") : null);
        }
        return event.build();
    }

    /**
     * An outbound leg with a {@code callid_in} belongs to the inbound call that caused it (a
     * forward): it joins that call as one more leg.
     */
    private void correlate(CallEvent.Builder event, Direction direction, String callId) {
        String inboundCallId = direction == Direction.OUTBOUND ? CallrFields.callId(data, "callid_in") : null;
        if (inboundCallId == null) {
            event.vendorCallId(callId);
            return;
        }
        event.vendorCallId(inboundCallId).legId(callId).linkedIds(List.of(inboundCallId));
    }

    /** Inbound: the called DID is the subscriber's line. Outbound: the presented CLI is. */
    private void parties(CallEvent.Builder event, Direction direction) {
        Party from = phone("cli_number");
        if (direction == Direction.INBOUND) {
            Party did = phone("did_intl_number");
            event.from(from).to(did).line(did == null ? null : did.number());
        } else {
            event.from(from).to(phone("number")).line(ownNumber(from));
        }
    }

    /**
     * The CLI of an outbound leg as the subscriber's line: never BLOCKED/anonymous, and when the
     * source lists its lines, only one of them (a forwarded leg may present the outside caller).
     */
    private String ownNumber(Party cli) {
        if (cli == null || !cli.number().matches("\\+?[0-9]+")) {
            return null;
        }
        if (source.lines().isEmpty()) {
            return cli.number();
        }
        boolean listed = source.lines().stream()
                .map(line -> PhoneNormalizer.normalize(line, phones))
                .filter(Objects::nonNull)
                .anyMatch(line -> line.number().equals(cli.number()));
        return listed ? cli.number() : null;
    }

    /** CDR.Out {@code dialstatus} when known; else answered iff an answer date or answered time. */
    private Outcome outcome() {
        String dialStatus = CallrFields.text(data, "dialstatus");
        Outcome byStatus = dialStatus == null ? null : DIAL_STATUS.get(dialStatus.toUpperCase(Locale.ROOT));
        if (byStatus != null) {
            return byStatus;
        }
        Long answeredSeconds = CallrFields.integer(data, "duration_answered");
        boolean answered = CallrFields.datetime(data, "answer") != null
                || (answeredSeconds != null && answeredSeconds > 0);
        return answered ? Outcome.ANSWERED : null;
    }

    private CallEvent recording() {
        String callId = CallrFields.callId(data, "callid");
        if (callId == null) {
            return nonCall();
        }
        Party did = phone("did_intl_number");
        Map<String, String> attributes = copy(RECORDING_ATTRIBUTES);
        putIfPresent(attributes, "recording_hash", CallrFields.text(data, "hash"));
        return builder(EventKind.RECORDING, CallrFields.datetime(data, "date"))
                .vendorCallId(callId)
                .linkedIds(List.of(callId))
                .line(did == null ? null : did.number())
                .from(phone("cli_number"))
                .recordingUrl(recordingUrl())
                .attributes(attributes)
                .build();
    }

    /** {@code url_mp3}, else {@code url} + its first listed extension, else {@code url}; never built from the hash. */
    private String recordingUrl() {
        String mp3 = CallrFields.text(data, "url_mp3");
        String url = CallrFields.text(data, "url");
        if (mp3 != null || url == null) {
            return mp3;
        }
        JsonNode extensions = data.path("url_exts");
        String extension = extensions.isArray() && extensions.size() > 0 ? extensions.get(0).asText("") : "";
        return extension.isBlank() ? url : url + "." + extension;
    }

    private CallEvent nonCall() {
        Map<String, String> attributes = new LinkedHashMap<>();
        data.properties().stream()
                .map(Map.Entry::getKey)
                .filter(field -> !NON_CALL_SKIPPED.contains(field))
                .forEach(field -> putIfPresent(attributes, field, CallrFields.text(data, field)));
        putIfPresent(attributes, "hook_hash", envelope.hookHash());
        return builder(EventKind.NON_CALL, null).attributes(attributes).build();
    }

    private CallEvent.Builder builder(EventKind kind, Instant vendorTime) {
        Instant occurredAt = Stream.of(envelope.eventAt(), vendorTime, receivedAt)
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("request without receivedAt"));
        return CallEvent.builder(CallrDialect.VENDOR, envelope.type(), kind, occurredAt)
                .source(source.id())
                .eventKey(envelope.eventId());
    }

    private Map<String, String> callAttributes(boolean hangup) {
        Map<String, String> attributes = copy(CDR_ATTRIBUTES);
        if (hangup) {
            attributes.putAll(copy(HANGUP_ATTRIBUTES));
        }
        putIfPresent(attributes, CallrDialect.CDR_FIELD_ATTRIBUTE,
                firstNonNull(CallrFields.text(data, "customer_field"), CallrFields.text(data, "cdr_field")));
        putIfPresent(attributes, "hook_hash", envelope.hookHash());
        return attributes;
    }

    private Map<String, String> copy(List<String> fields) {
        Map<String, String> attributes = new LinkedHashMap<>();
        fields.forEach(field -> putIfPresent(attributes, field, CallrFields.text(data, field)));
        return attributes;
    }

    private Party phone(String field) {
        return PhoneNormalizer.normalize(CallrFields.text(data, field), phones);
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static <T> T firstNonNull(T first, T second) {
        return first != null ? first : second;
    }
}
