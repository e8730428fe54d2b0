package io.switchboard.pms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.pms.fias.FiasConnector;
import io.switchboard.pms.fias.FiasPmsSimulator;
import io.switchboard.pms.fias.FiasRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The PMS code on a real PostgreSQL server, driven by the FIAS simulator over real TCP: the room
 * index (GI, GC with a room move and a name change, GO, resync), the room source, postings (P#
 * persisted in {@code pms_sequences}, a posting stored while the link is down and then forwarded
 * exactly once), wake-ups (answered by a route, and expired to NR) and a room event a route gave
 * up on (kept DEAD, replayed).
 *
 * <p>Needs {@code SWITCHBOARD_TEST_POSTGRES_URL} like {@code PostgresJournalIT} ({@code .ci/run}
 * starts PostgreSQL and sets it): skipped without it on a developer machine, failed under CI.
 */
@DirtiesContext
class PmsPostgresIT extends PmsIntegrationTest {

    private static final String URL = System.getenv("SWITCHBOARD_TEST_POSTGRES_URL");
    private static final String SCHEMA = "sb_pms_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final Duration SIM_WAIT = Duration.ofSeconds(15);
    private static final List<JsonNode> ROOM_EVENTS = new CopyOnWriteArrayList<>();
    private static FiasPmsSimulator pms;

    @BeforeAll
    static void database() {
        if (URL == null || URL.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI must provide SWITCHBOARD_TEST_POSTGRES_URL (see .ci/run)");
            }
            Assumptions.abort("SWITCHBOARD_TEST_POSTGRES_URL not set: PMS on PostgreSQL test skipped");
        }
    }

    @DynamicPropertySource
    static void postgresAndPms(DynamicPropertyRegistry registry) {
        pms = FiasPmsSimulator.started();
        String separator = URL != null && URL.contains("?") ? "&" : "?";
        registry.add("spring.datasource.url", () -> URL + separator + "currentSchema=" + SCHEMA);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("switchboard.pms.fias.enabled", () -> "true");
        registry.add("switchboard.pms.fias.port", pms::port);
        registry.add("switchboard.pms.fias.backoff-initial", () -> "50ms");
        registry.add("switchboard.pms.fias.backoff-max", () -> "200ms");
        registry.add("switchboard.pms.charges.enabled", () -> "true");
        registry.add("switchboard.pms.wake-ups.answer-timeout", () -> "1s");
        registry.add("switchboard.pms.time-zone", () -> "Europe/Paris");
    }

    @AfterAll
    static void stopSimulator() {
        if (pms != null) {
            pms.close();
        }
    }

    @Autowired
    CamelContext camel;


    @Autowired
    FiasConnector connector;

    @BeforeEach
    void linkUpAndRoomEventsCollected() throws Exception {
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
        collectRoomEvents(camel, "pg-room-events", ROOM_EVENTS);
        awaitChargeSubscription();
        pms.acceptConnections(true);
        await().atMost(WAIT).until(() -> connector.state() == FiasConnector.State.UP);
    }

    @Test
    void checkInRoomMoveChangeAndCheckOutKeepTheIndexOnPostgres() {
        pms.send(FiasRecord.parse("GI|RN2801|G#4801|GNSmith|GLEA|"));
        assertThat(awaitRoomEvent(ROOM_EVENTS, "CHECK_IN", "2801").path("guestName").asText()).isEqualTo("Smith");
        assertThat(guestsIn("2801")).containsExactly("4801");

        pms.send(FiasRecord.parse("GC|RN2802|G#4801|RO2801|"));
        JsonNode move = awaitRoomEvent(ROOM_EVENTS, "ROOM_MOVE", "2802");
        assertThat(move.path("oldRoom").asText()).isEqualTo("2801");
        assertThat(guestsIn("2801")).isEmpty();
        assertThat(guestsIn("2802")).containsExactly("4801");

        pms.send(FiasRecord.parse("GC|RN2802|G#4801|GNSmith-Jones|GLGE|"));
        await().atMost(WAIT).until(() -> "Smith-Jones".equals(jdbc.queryForObject(
                "SELECT guest_name FROM pms_guests WHERE room = '2802'", String.class)));
        assertThat(jdbc.queryForObject("SELECT language FROM pms_guests WHERE room = '2802'", String.class)).isEqualTo("GE");

        pms.send(FiasRecord.parse("GO|RN2802|G#4801|"));
        awaitRoomEvent(ROOM_EVENTS, "CHECK_OUT", "2802");
        assertThat(guestsIn("2802")).isEmpty();
    }

    @Test
    void aResyncRemovesGuestsThePmsNoLongerHasOnPostgres() {
        pms.send(FiasRecord.parse("GI|RN3201|G#6201|GNStale|"));
        awaitRoomEvent(ROOM_EVENTS, "CHECK_IN", "3201");
        List<Map<String, Object>> others = jdbc.queryForList("SELECT room, reservation FROM pms_guests WHERE room <> '3201'");

        pms.send(FiasRecord.parse("DS|DA250115|TI030000|"));
        for (Map<String, Object> row : others) {
            pms.send(FiasRecord.parse("GI|RN" + row.get("room") + "|G#" + row.get("reservation") + "|SF|"));
        }
        pms.send(FiasRecord.parse("GI|RN3202|G#6202|GNFresh|SF|"), FiasRecord.parse("DE|DA250115|TI030500|"));

        assertThat(awaitRoomEvent(ROOM_EVENTS, "CHECK_OUT", "3201").path("resync").asBoolean()).isTrue();
        assertThat(guestsIn("3202")).containsExactly("6202");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pms_guests", Integer.class)).isEqualTo(others.size() + 1);
    }

    @Test
    void aPostingStoredWhileTheLinkIsDownIsForwardedOnceWithItsPersistedSequence() {
        checkIn(pms, "3801");
        pms.acceptConnections(false);
        pms.dropLink();
        await().atMost(WAIT).until(() -> connector.state() != FiasConnector.State.UP);

        String callId = sendOutboundCall("3801", "+33612345678", 60);
        awaitPosting(callId, "PENDING");
        assertThat(pms.received("PS").stream().filter(r -> r.value("RN").orElse("").equals("3801"))).isEmpty();

        pms.acceptConnections(true);

        String postingId = awaitPosting(callId, "DONE");
        long sequence = jdbc.queryForObject("SELECT sequence FROM pms_postings WHERE id = ?", Long.class, postingId);
        assertThat(jdbc.queryForObject("SELECT last_value FROM pms_sequences WHERE name = 'fias-posting'", Long.class))
                .isEqualTo(sequence);
        assertThat(pms.received("PS").stream().filter(r -> r.value("P#").orElse("").equals(Long.toString(sequence))))
                .hasSize(1);
        assertThat(pms.booked().stream().filter(p -> p.room().equals("3801"))).hasSize(1);
        assertThat(jdbc.queryForMap("SELECT status, answer_status, attempts, amount FROM pms_postings WHERE id = ?", postingId))
                .containsEntry("answer_status", "OK")
                .containsEntry("attempts", 1)
                .hasEntrySatisfying("amount", a -> assertThat(new java.math.BigDecimal(a.toString())).isEqualByComparingTo("0.50"));

        String next = sendOutboundCall("3801", "+33612345679", 61);
        String nextId = awaitPosting(next, "DONE");
        assertThat(jdbc.queryForObject("SELECT sequence FROM pms_postings WHERE id = ?", Long.class, nextId))
                .isEqualTo(sequence + 1);
    }

    @Test
    void wakeUpsAreAnsweredByARouteOrExpireToNoReplyOnPostgres() {
        pms.send(FiasRecord.parse("WR|RN3301|DA991231|TI063000|"));
        long id = awaitRoomEvent(ROOM_EVENTS, "WAKE_UP_SET", "3301").path("wakeUpId").asLong();
        assertThat(post("/api/v1/pms/wake-ups/" + id + "/result", "application/json", "{\"result\":\"OK\"}", Map.of())
                .statusCode()).isEqualTo(200);
        FiasRecord wa = pms.awaitRecord(r -> r.is("WA") && r.value("RN").orElse("").equals("3301"), SIM_WAIT);
        assertThat(wa.toWire()).isEqualTo("WA|RN3301|DA991231|TI063000|ASOK|");

        pms.send(FiasRecord.parse("WR|RN3401|DA250115|TI063000|"));
        FiasRecord expired = pms.awaitRecord(r -> r.is("WA") && r.value("RN").orElse("").equals("3401"), SIM_WAIT);
        assertThat(expired.value("AS")).contains("NR");

        pms.send(FiasRecord.parse("WR|RN3501|DA991231|TI070000|"), FiasRecord.parse("WC|RN3501|DA991231|TI070000|"));
        awaitRoomEvent(ROOM_EVENTS, "WAKE_UP_CLEAR", "3501");
        assertThat(jdbc.queryForList("SELECT status FROM pms_wakeups WHERE room = '3501'", String.class))
                .containsExactly("CLEARED");
    }

    @Test
    void aRoomEventARouteGaveUpOnIsKeptAndReplayedOnPostgres() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<String> delivered = new CopyOnWriteArrayList<>();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("switchboard:rooms?subscription=pg-dead-events&types=CHECK_IN&delay=20&maxAttempts=2"
                        + "&initialBackoff=10&maxBackoff=20")
                        .routeId("pg-dead-events")
                        .process(e -> {
                            String room = e.getMessage().getHeader("SwitchboardRoom", String.class);
                            if (broken.get() && room.equals("9801")) {
                                throw new IllegalStateException("PBX down");
                            }
                            delivered.add(room);
                        });
            }
        });
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM pms_room_subscriptions WHERE name = 'pg-dead-events'", Integer.class) == 1);

        pms.send(FiasRecord.parse("GI|RN9801|G#9801|GNFirst|"), FiasRecord.parse("GI|RN9802|G#9802|GNSecond|"));
        await().atMost(WAIT).until(() -> delivered.contains("9802"));
        JsonNode dead = json(get("/api/v1/admin/pms/room-events/dead?subscription=pg-dead-events&status=DEAD"));
        assertThat(dead.path("items")).hasSize(1);
        long seq = dead.path("items").get(0).path("seq").asLong();
        assertThat(dead.path("items").get(0).path("room").asText()).isEqualTo("9801");

        broken.set(false);
        assertThat(post("/api/v1/admin/pms/room-events/dead/pg-dead-events/" + seq + "/replay", "application/json", "",
                        Map.of()).statusCode()).isEqualTo(202);

        await().atMost(WAIT).until(() -> delivered.contains("9801"));
        assertThat(jdbc.queryForObject("SELECT status FROM pms_room_dead_events WHERE subscription = 'pg-dead-events'",
                String.class)).isEqualTo("DELIVERED");
        assertThat(delivered).containsExactly("9802", "9801");
        camel.getRouteController().stopRoute("pg-dead-events");
    }

    // --- helpers -------------------------------------------------------------------------------------

}
