package io.switchboard.crm.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.crm.DeliveryTestSupport;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SQL sink writes each ended call into a table the test creates (in the hub's own H2
 * database, data source "dataSource"), idempotently by call id; in dry run it writes nothing.
 */
class SqlCallSinkIT extends DeliveryTestSupport {

    private static final String MERGE = "MERGE INTO it_crm_calls (call_id, vendor, direction, from_number, to_number,"
            + " outcome, ended_at, talk_seconds, change_state) KEY (call_id) VALUES (:#callId, :#vendor, :#direction,"
            + " :#from, :#to, :#outcome, :#endedAt, :#talkSeconds, :#changeState)";

    private void createTable(String name) {
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + name + " (call_id VARCHAR(36) PRIMARY KEY, vendor VARCHAR(32),"
                + " direction VARCHAR(16), from_number VARCHAR(64), to_number VARCHAR(64), outcome VARCHAR(16),"
                + " ended_at TIMESTAMP WITH TIME ZONE, talk_seconds BIGINT, change_state VARCHAR(16))");
    }

    @Test
    void everyEndedCallBecomesOneRowEvenWhenReplayed() throws Exception {
        createTable("it_crm_calls");
        subscribe("sql-sink", "&initialBackoff=50&maxBackoff=100",
                "kamelet:sql-call-sink?query=RAW(" + MERGE + ")&dataSource=dataSource");

        String first = hubCallId(telphin().answeredCall());
        String second = hubCallId(telphin().answeredCall());

        await().atMost(SHORT).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM it_crm_calls", Integer.class) == 2);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM it_crm_calls WHERE call_id = ?", first);
        assertThat(row)
                .containsEntry("VENDOR", "telphin")
                .containsEntry("DIRECTION", "INBOUND")
                .containsEntry("FROM_NUMBER", "+79161234567")
                .containsEntry("OUTCOME", "ANSWERED")
                .containsEntry("TALK_SECONDS", 95L)
                .containsEntry("CHANGE_STATE", "ENDED");
        assertThat(((OffsetDateTime) row.get("ENDED_AT")).toInstant())
                .isBetween(Instant.now().minusSeconds(300), Instant.now()); // TelphinCalls ends its calls now
        await().atMost(SHORT).until(() -> deliveries("sql-sink").stream().allMatch(d -> "DELIVERED".equals(d.get("STATUS"))));

        assertThat(json(post("/api/v1/deliveries/replay", "application/json",
                        "{\"subscription\": \"sql-sink\", \"callId\": \"" + second + "\"}", Map.of()))
                .get("replayed").asInt()).isEqualTo(1);
        await().atMost(SHORT).until(() -> {
            Map<String, Object> replayed = jdbc.queryForMap(
                    "SELECT status, attempts, replays FROM feed_deliveries WHERE subscription = 'sql-sink' AND call_id = ?",
                    second);
            return "DELIVERED".equals(replayed.get("STATUS")) && ((Number) replayed.get("ATTEMPTS")).intValue() == 1
                    && ((Number) replayed.get("REPLAYS")).intValue() == 1;
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM it_crm_calls", Integer.class)).isEqualTo(2);
    }

    @Test
    void aDryRunRunsNoStatement() throws Exception {
        createTable("it_crm_calls_dry");
        subscribe("sql-dry", "", "kamelet:sql-call-sink?query=RAW(" + MERGE.replace("it_crm_calls", "it_crm_calls_dry")
                + ")&dataSource=dataSource&dryRun=true");

        String callId = hubCallId(telphin().answeredCall());

        await().atMost(SHORT).until(() -> "DELIVERED".equals(onlyStatus("sql-dry")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM it_crm_calls_dry", Integer.class)).isZero();
        var items = json(get("/api/v1/dry-runs?limit=200")).get("items");
        var entry = java.util.stream.StreamSupport.stream(items.spliterator(), false)
                .filter(i -> "sql-dry".equals(i.path("subscription").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(entry.get("sink").asText()).isEqualTo("sql");
        assertThat(entry.get("callId").asText()).isEqualTo(callId);
        assertThat(entry.get("target").asText()).isEqualTo("dataSource");
        assertThat(entry.get("body").asText()).startsWith("MERGE INTO it_crm_calls_dry");
        assertThat(entry.at("/headers/from").asText()).isEqualTo("+79161234567");
    }
}
