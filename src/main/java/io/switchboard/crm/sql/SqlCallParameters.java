package io.switchboard.crm.sql;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.call.CanonicalJson;
import io.switchboard.crm.DryRunRecorder;
import io.switchboard.feed.FeedHeaders;
import io.switchboard.vendor.api.VendorApiException;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The mapping step of the SQL sink ({@code connectors/crm/sql-call-sink.kamelet.yaml}): turns the
 * canonical call into the named parameters camel-sql binds ({@code :#name} in the statement), then
 * the Kamelet runs the statement on the chosen data source. In dry-run mode it records the
 * statement and parameters instead and marks the exchange so the Kamelet skips the statement.
 *
 * <p>Parameters: every call field under its canonical name ({@code id}, {@code vendor},
 * {@code source}, {@code vendorCallId}, {@code line}, {@code direction}, {@code from}, {@code to},
 * {@code state}, {@code outcome}, {@code startedAt}, {@code answeredAt}, {@code endedAt} as SQL
 * timestamps, {@code ringSeconds}, {@code talkSeconds}, {@code agent}, {@code recordingUrl}), plus
 * {@code callId} (= id, the idempotency key), {@code legs} (JSON array text), {@code callJson} (the
 * whole call), {@code changeState} (the state change delivered), {@code subscription},
 * {@code feedSeq}. Absent values are SQL NULL.
 */
public class SqlCallParameters implements Processor {

    /** Exchange property set to true when the statement must not run (dry run). */
    public static final String DRY_RUN_PROPERTY = "SwitchboardDryRun";
    static final String VENDOR = "sql";

    private static final String[] TEXT = {
        "id", "vendor", "source", "vendorCallId", "line", "direction", "from", "to", "state", "outcome", "agent",
        "recordingUrl"
    };
    private static final String[] TIMES = {"startedAt", "answeredAt", "endedAt"};
    private static final String[] NUMBERS = {"ringSeconds", "talkSeconds"};

    private String query = "";
    private String dataSource = "dataSource";
    private boolean dryRun;

    @Override
    public void process(Exchange exchange) {
        Map<String, Object> parameters;
        try {
            parameters = parameters(exchange.getMessage().getBody(String.class),
                    exchange.getMessage().getHeader(FeedHeaders.CALL_STATE, String.class),
                    exchange.getMessage().getHeader(FeedHeaders.SUBSCRIPTION, String.class),
                    exchange.getMessage().getHeader(FeedHeaders.FEED_SEQ, Long.class));
        } catch (IOException | RuntimeException e) {
            throw VendorApiException.of(VENDOR, "map call", VendorApiException.Kind.REJECTED)
                    .detail("the message body is not a canonical call: " + e.getClass().getSimpleName())
                    .cause(e)
                    .build();
        }
        exchange.getMessage().setBody(parameters);
        if (dryRun) {
            exchange.setProperty(DRY_RUN_PROPERTY, true);
            Map<String, String> shown = new LinkedHashMap<>();
            parameters.forEach((k, v) -> shown.put(k, v == null ? null : v.toString()));
            DryRunRecorder.in(exchange.getContext())
                    .record(exchange, VENDOR, "SQL", dataSource, shown, query);
        }
    }

    /** The named parameters for one call change. */
    static Map<String, Object> parameters(String callJson, String changeState, String subscription, Long feedSeq)
            throws IOException {
        JsonNode call = CanonicalJson.MAPPER.readTree(callJson);
        if (call == null || !call.isObject() || !call.hasNonNull("id")) {
            throw new IllegalArgumentException("not a canonical call");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        for (String field : TEXT) {
            p.put(field, text(call, field));
        }
        for (String field : TIMES) {
            p.put(field, timestamp(call, field));
        }
        for (String field : NUMBERS) {
            p.put(field, call.hasNonNull(field) ? call.get(field).asLong() : null);
        }
        p.put("callId", text(call, "id"));
        p.put("legs", call.has("legs") ? CanonicalJson.write(call.get("legs")) : "[]");
        p.put("callJson", callJson);
        p.put("changeState", changeState);
        p.put("subscription", subscription);
        p.put("feedSeq", feedSeq);
        return p;
    }

    private static String text(JsonNode call, String field) {
        return call.hasNonNull(field) ? call.get(field).asText() : null;
    }

    private static Timestamp timestamp(JsonNode call, String field) {
        if (!call.hasNonNull(field)) {
            return null;
        }
        try {
            return Timestamp.from(Instant.parse(call.get(field).asText()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not an ISO-8601 time");
        }
    }

    public void setQuery(String query) { this.query = query; }
    public void setDataSource(String dataSource) { this.dataSource = dataSource; }
    public void setDryRun(boolean dryRun) { this.dryRun = dryRun; }
}
