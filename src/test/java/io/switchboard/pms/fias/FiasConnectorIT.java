package io.switchboard.pms.fias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.pms.PmsIntegrationTest;
import io.switchboard.pms.fias.FiasPmsSimulator.PostingReply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real FIAS connector inside the hub against the PMS simulator: handshakes, guest events into
 * the room index and the room source, room moves, wake-ups, resync, postings from ended calls
 * exactly once across link drops, store-and-forward while the PMS is down, garbage on the link.
 */
@DirtiesContext
class FiasConnectorIT extends PmsIntegrationTest {

    static final FiasPmsSimulator PMS = FiasPmsSimulator.started();
    static final Duration SIM_WAIT = Duration.ofSeconds(15);
    private static final List<JsonNode> ROOM_EVENTS = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void pms(DynamicPropertyRegistry registry) {
        registry.add("switchboard.pms.fias.enabled", () -> "true");
        registry.add("switchboard.pms.fias.host", () -> "127.0.0.1");
        registry.add("switchboard.pms.fias.port", PMS::port);
        registry.add("switchboard.pms.fias.backoff-initial", () -> "50ms");
        registry.add("switchboard.pms.fias.backoff-max", () -> "200ms");
        registry.add("switchboard.pms.charges.enabled", () -> "true");
        registry.add("switchboard.pms.wake-ups.answer-timeout", () -> "1s");
        registry.add("switchboard.pms.time-zone", () -> "Europe/Paris");
    }

    @AfterAll
    static void stopSimulator() {
        PMS.close();
    }

    @Autowired
    CamelContext camel;


    @Autowired
    FiasConnector connector;

    @Autowired
    io.switchboard.pms.charge.PostingStore store;

    @BeforeEach
    void linkUpAndRoomEventsCollected() throws Exception {
        collectRoomEvents(camel, "it-room-events", ROOM_EVENTS);
        awaitChargeSubscription();
        PMS.acceptConnections(true);
        await().atMost(WAIT).until(() -> connector.state() == FiasConnector.State.UP);
    }

    // --- link ----------------------------------------------------------------------------------------

    @Test
    void theHubAnswersEveryLinkStartWithAFullHandshake() {
        int before = PMS.handshakes();
        assertThat(PMS.linkRecords()).extracting(FiasLinkRecords.LinkRecord::recordType)
                .containsExactly("GI", "GO", "GC", "RE", "WR", "WC", "WA", "PS", "PA");
        assertThat(PMS.received("LD").get(0).value("IF")).contains("PB");

        PMS.sendLinkStart();

        PMS.awaitHandshakes(before + 1, SIM_WAIT);
        await().atMost(WAIT).until(() -> connector.state() == FiasConnector.State.UP);
        assertThat(PMS.protocolErrors()).isEmpty();
    }

    @Test
    void garbageAndMalformedRecordsAreSkippedAndTheLinkIsKept() {
        int connections = PMS.connections();
        long skipped = connector.skippedInputs();

        PMS.sendRaw("\r\n+++ATH0\r\n\u0002GI|RN\u0001|\u0003\u0002GI|G#99|\u0003\u0002GI|RN12".getBytes(StandardCharsets.US_ASCII));
        PMS.send(FiasRecord.parse("GI|RN5101|G#5101|GNGarbage Test|GLEA|"));

        JsonNode checkIn = awaitRoomEvent(ROOM_EVENTS, "CHECK_IN", "5101");
        assertThat(checkIn.path("guestName").asText()).isEqualTo("Garbage Test");
        assertThat(connector.skippedInputs() - skipped).isGreaterThanOrEqualTo(3); // garbage, bad byte, GI without RN, half frame
        assertThat(PMS.connections()).isEqualTo(connections);
        assertThat(connector.state()).isEqualTo(FiasConnector.State.UP);
    }

    // --- guests --------------------------------------------------------------------------------------

    @Test
    void aCheckInFillsTheIndexAndBecomesARoomEvent() {
        PMS.send(FiasRecord.parse("GI|RN2781|G#4711|GNMüller, Jürgen|GLGE|GSN|"));

        JsonNode event = awaitRoomEvent(ROOM_EVENTS, "CHECK_IN", "2781");
        assertThat(event.path("extension").asText()).isEqualTo("2781");
        assertThat(event.path("reservation").asText()).isEqualTo("4711");
        assertThat(event.path("guestName").asText()).isEqualTo("Müller, Jürgen");
        assertThat(event.path("language").asText()).isEqualTo("GE");
        assertThat(jdbc.queryForList("SELECT reservation FROM pms_guests WHERE room = '2781'", String.class))
                .containsExactly("4711");
    }

    @Test
    void aRoomMoveMovesTheGuestAndACheckOutRemovesIt() {
        PMS.send(FiasRecord.parse("GI|RN2801|G#4801|GNSmith|GLEA|"));
        awaitRoomEvent(ROOM_EVENTS, "CHECK_IN", "2801");

        PMS.send(FiasRecord.parse("GC|RN2802|G#4801|RO2801|"));
        JsonNode move = awaitRoomEvent(ROOM_EVENTS, "ROOM_MOVE", "2802");
        assertThat(move.path("oldRoom").asText()).isEqualTo("2801");
        assertThat(move.path("oldExtension").asText()).isEqualTo("2801");
        assertThat(move.path("guestName").asText()).isEqualTo("Smith");
        assertThat(guestsIn("2801")).isEmpty();
        assertThat(guestsIn("2802")).containsExactly("4801");

        PMS.send(FiasRecord.parse("GO|RN2802|G#4801|"));
        awaitRoomEvent(ROOM_EVENTS, "CHECK_OUT", "2802");
        assertThat(guestsIn("2802")).isEmpty();
    }

    @Test
    void aSharedRoomKeepsOneRowPerGuest() {
        PMS.send(FiasRecord.parse("GI|RN2901|G#5901|GNAnna|GSY|"), FiasRecord.parse("GI|RN2901|G#5902|GNBen|GSY|"));
        await().atMost(WAIT).until(() -> guestsIn("2901").size() == 2);

        PMS.send(FiasRecord.parse("GO|RN2901|G#5901|"));

        JsonNode out = awaitRoomEvent(ROOM_EVENTS, "CHECK_OUT", "2901");
        assertThat(out.path("guestName").asText()).isEqualTo("Anna");
        assertThat(guestsIn("2901")).containsExactly("5902");
    }

    @Test
    void roomEquipmentAndNightAuditBecomeRoomEvents() {
        PMS.send(FiasRecord.parse("RE|RN3001|CS2|DNY|MLN|"), FiasRecord.parse("NS|DA250115|TI020000|"),
                FiasRecord.parse("NE|DA250115|TI023000|"));

        JsonNode re = awaitRoomEvent(ROOM_EVENTS, "ROOM_EQUIPMENT", "3001");
        assertThat(re.path("classOfService").asInt()).isEqualTo(2);
        assertThat(re.path("doNotDisturb").asBoolean()).isTrue();
        assertThat(re.path("messageLamp").asBoolean()).isFalse();
        await().atMost(WAIT).until(() -> ROOM_EVENTS.stream().anyMatch(e -> e.path("type").asText().equals("NIGHT_AUDIT_END")));
    }

    @Test
    void aResyncReplacesTheIndexWithWhatThePmsReplays() {
        PMS.send(FiasRecord.parse("GI|RN3201|G#6201|GNStale|"));
        awaitRoomEvent(ROOM_EVENTS, "CHECK_IN", "3201");
        List<Map<String, Object>> current = jdbc.queryForList("SELECT room, reservation FROM pms_guests WHERE room <> '3201'");

        PMS.send(FiasRecord.parse("DS|DA250115|TI030000|"));
        for (Map<String, Object> row : current) {
            PMS.send(FiasRecord.parse("GI|RN" + row.get("ROOM") + "|G#" + row.get("RESERVATION") + "|SF|"));
        }
        PMS.send(FiasRecord.parse("GI|RN3202|G#6202|GNFresh|SF|"), FiasRecord.parse("DE|DA250115|TI030500|"));

        JsonNode removed = awaitRoomEvent(ROOM_EVENTS, "CHECK_OUT", "3201");
        assertThat(removed.path("resync").asBoolean()).isTrue();
        assertThat(guestsIn("3201")).isEmpty();
        assertThat(guestsIn("3202")).containsExactly("6202");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pms_guests", Integer.class)).isEqualTo(current.size() + 1);
    }

    @Test
    void anAdminResyncSendsDrAndTheIndexBecomesWhatThePmsReplays() {
        PMS.send(FiasRecord.parse("GI|RN3210|G#6210|GNGone Meanwhile|"));
        awaitRoomEvent(ROOM_EVENTS, "CHECK_IN", "3210");
        List<FiasRecord> replay = new java.util.ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList("SELECT room, reservation FROM pms_guests WHERE room <> '3210'")) {
            replay.add(FiasRecord.parse("GI|RN" + row.get("ROOM") + "|G#" + row.get("RESERVATION") + "|SF|"));
        }
        replay.add(FiasRecord.parse("GI|RN3211|G#6211|GNArrived Meanwhile|GLFR|SF|"));
        PMS.answerResyncWith(replay.toArray(FiasRecord[]::new));
        int drs = PMS.received("DR").size();

        var response = post("/api/v1/admin/pms/resync", "application/json", "", Map.of());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response).path("requested").asText()).isEqualTo("DR");
        PMS.awaitReceived("DR", drs + 1, SIM_WAIT);
        assertThat(awaitRoomEvent(ROOM_EVENTS, "CHECK_OUT", "3210").path("resync").asBoolean()).isTrue();
        JsonNode arrived = awaitRoomEvent(ROOM_EVENTS, "CHECK_IN", "3211");
        assertThat(arrived.path("resync").asBoolean()).isTrue();
        assertThat(arrived.path("guestName").asText()).isEqualTo("Arrived Meanwhile");
        await().atMost(WAIT).until(() -> ROOM_EVENTS.stream().anyMatch(e -> e.path("type").asText().equals("RESYNC_END")));
        assertThat(guestsIn("3210")).isEmpty();
        assertThat(guestsIn("3211")).containsExactly("6211");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pms_guests", Integer.class)).isEqualTo(replay.size());
        assertThat(PMS.protocolErrors()).isEmpty();
    }

    @Test
    void anAdminResyncIsRefusedWith409WhileTheLinkIsDownAndNeedsTheAdminScope() {
        var reader = post("/api/v1/admin/pms/resync", "application/json", "",
                Map.of("Authorization", "Bearer sb_test_reader_key_0123456789"));
        assertThat(reader.statusCode()).isEqualTo(403);

        PMS.acceptConnections(false);
        PMS.dropLink();
        await().atMost(WAIT).until(() -> connector.state() != FiasConnector.State.UP);
        int drs = PMS.received("DR").size();

        var response = post("/api/v1/admin/pms/resync", "application/json", "", Map.of());

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).path("error").asText()).isEqualTo("pms_link_down");
        assertThat(json(response).path("message").asText()).contains("not up");
        PMS.acceptConnections(true);
        await().atMost(WAIT).until(() -> connector.state() == FiasConnector.State.UP);
        assertThat(PMS.received("DR")).hasSize(drs); // nothing was queued for later
    }

    // --- wake-ups ------------------------------------------------------------------------------------

    @Test
    void aWakeUpBecomesARoomEventAndItsResultOneWakeUpAnswer() {
        PMS.send(FiasRecord.parse("WR|RN3301|DA991231|TI063000|"));
        JsonNode set = awaitRoomEvent(ROOM_EVENTS, "WAKE_UP_SET", "3301");
        long id = set.path("wakeUpId").asLong();
        assertThat(set.path("wakeUpAt").asText()).isEqualTo("2099-12-31T06:30:00");

        assertThat(post("/api/v1/pms/wake-ups/" + id + "/result", "application/json", "{\"result\":\"BY\"}", Map.of())
                .statusCode()).isEqualTo(200);
        FiasRecord wa = PMS.awaitRecord(r -> r.is("WA") && r.value("RN").orElse("").equals("3301"), SIM_WAIT);
        assertThat(wa.toWire()).isEqualTo("WA|RN3301|DA991231|TI063000|ASBY|");

        var again = post("/api/v1/pms/wake-ups/" + id + "/result", "application/json", "{\"result\":\"OK\"}", Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).path("error").asText()).isEqualTo("already_final");
        assertThat(post("/api/v1/pms/wake-ups/" + id + "/result", "application/json", "{\"result\":\"YES\"}", Map.of())
                .statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/pms/wake-ups/999999/result", "application/json", "{\"result\":\"OK\"}", Map.of())
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aBadWakeUpResultIsA400ThatRecordsNothing() {
        PMS.send(FiasRecord.parse("WR|RN3302|DA991231|TI070000|"));
        long id = awaitRoomEvent(ROOM_EVENTS, "WAKE_UP_SET", "3302").path("wakeUpId").asLong();
        String path = "/api/v1/pms/wake-ups/" + id + "/result";

        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("{\"result\":\"OK\",\"reslt\":\"BY\"}", "unknown_field");
        bad.put("[\"OK\"]", "malformed_json");
        bad.put("\"OK\"", "malformed_json");
        bad.put("{\"result\":1}", "bad_result");
        bad.put("{\"result\":[\"OK\"]}", "bad_result");
        bad.put("{}", "bad_result");
        bad.forEach((body, code) -> {
            var answer = post(path, "application/json", body, Map.of());
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(json(answer).path("error").asText()).as(body).isEqualTo(code);
        });
        assertThat(json(post(path, "application/json", "{\"result\":\"OK\",\"reslt\":1}", Map.of()))
                .path("message").asText()).isEqualTo("Unknown field 'reslt'; allowed: result");

        assertThat(post(path, "application/json", "{\"result\":\"NR\"}", Map.of()).statusCode())
                .as("none of the refused bodies recorded a result").isEqualTo(200);
        FiasRecord wa = PMS.awaitRecord(r -> r.is("WA") && r.value("RN").orElse("").equals("3302"), SIM_WAIT);
        assertThat(wa.value("AS")).contains("NR");
    }

    @Test
    void aWakeUpNobodyReportsIsAnsweredNoReplyOnce() {
        PMS.send(FiasRecord.parse("WR|RN3401|DA250115|TI063000|"));
        long id = awaitRoomEvent(ROOM_EVENTS, "WAKE_UP_SET", "3401").path("wakeUpId").asLong();

        FiasRecord wa = PMS.awaitRecord(r -> r.is("WA") && r.value("RN").orElse("").equals("3401"), SIM_WAIT);

        assertThat(wa.value("AS")).contains("NR");
        assertThat(post("/api/v1/pms/wake-ups/" + id + "/result", "application/json", "{\"result\":\"OK\"}", Map.of())
                .statusCode()).isEqualTo(409);
        assertThat(PMS.received("WA").stream().filter(r -> r.value("RN").orElse("").equals("3401"))).hasSize(1);
    }

    @Test
    void aClearedWakeUpGetsNoAnswer() {
        PMS.send(FiasRecord.parse("WR|RN3501|DA991231|TI070000|"));
        long id = awaitRoomEvent(ROOM_EVENTS, "WAKE_UP_SET", "3501").path("wakeUpId").asLong();

        PMS.send(FiasRecord.parse("WC|RN3501|DA991231|TI070000|"));

        assertThat(awaitRoomEvent(ROOM_EVENTS, "WAKE_UP_CLEAR", "3501").path("wakeUpId").asLong()).isEqualTo(id);
        assertThat(post("/api/v1/pms/wake-ups/" + id + "/result", "application/json", "{\"result\":\"OK\"}", Map.of())
                .statusCode()).isEqualTo(409);
    }

    // --- postings ------------------------------------------------------------------------------------

    @Test
    void anEndedRoomCallIsPostedWithTheTariffAndItsAnswerStored() {
        checkIn(PMS, "3601");

        String callId = sendOutboundCall("3601", "+33612345678", 125);

        FiasRecord ps = PMS.awaitRecord(r -> r.is("PS") && r.value("RN").orElse("").equals("3601"), SIM_WAIT);
        assertThat(ps.value("PT")).contains("C");
        assertThat(ps.value("TA")).contains("135");
        assertThat(ps.value("DU")).contains("000205");
        assertThat(ps.value("DD")).contains("0033612345678");
        String postingId = awaitPosting(callId, "DONE");
        assertThat(jdbc.queryForObject("SELECT answer_status FROM pms_postings WHERE id = ?", String.class, postingId))
                .isEqualTo("OK");
    }

    @Test
    void aPostingWhosePaIsLostIsResentWithTheSameSequenceAndBookedOnce() {
        checkIn(PMS, "3701");
        int booked = PMS.booked().size();
        int connections = PMS.connections();
        PMS.replyToPostings(PostingReply.bookThenDropLink());

        String callId = sendOutboundCall("3701", "+4989920920", 30);

        String postingId = awaitPosting(callId, "DONE");
        long sequence = jdbc.queryForObject("SELECT sequence FROM pms_postings WHERE id = ?", Long.class, postingId);
        assertThat(PMS.connections()).isGreaterThan(connections);
        assertThat(PMS.received("PS").stream().filter(r -> r.value("P#").orElse("").equals(Long.toString(sequence))))
                .hasSize(2);
        assertThat(PMS.duplicatePostings()).contains(sequence);
        assertThat(PMS.booked()).hasSize(booked + 1);
        assertThat(jdbc.queryForObject("SELECT attempts FROM pms_postings WHERE id = ?", Integer.class, postingId)).isEqualTo(2);
    }

    @Test
    void aPostingDroppedUnansweredIsResentAfterTheReconnect() {
        checkIn(PMS, "3751");
        PMS.replyToPostings(PostingReply.dropLink());

        String callId = sendOutboundCall("3751", "+33142685300", 10);

        awaitPosting(callId, "DONE");
        assertThat(PMS.booked().stream().filter(p -> p.room().equals("3751"))).hasSize(1);
        assertThat(PMS.protocolErrors()).isEmpty();
    }

    @Test
    void postingsAreStoredWhileThePmsIsDownAndForwardedInOrderWhenItIsBack() {
        checkIn(PMS, "3801");
        PMS.acceptConnections(false);
        PMS.dropLink();
        await().atMost(WAIT).until(() -> connector.state() != FiasConnector.State.UP);

        String first = sendOutboundCall("3801", "+33612345678", 60);
        String second = sendOutboundCall("3801", "+33612345679", 61);
        awaitPosting(first, "PENDING");
        awaitPosting(second, "PENDING");
        assertThat(PMS.received("PS").stream().filter(r -> r.value("RN").orElse("").equals("3801"))).isEmpty();

        PMS.acceptConnections(true);

        awaitPosting(first, "DONE");
        awaitPosting(second, "DONE");
        List<String> amounts = PMS.received("PS").stream()
                .filter(r -> r.value("RN").orElse("").equals("3801"))
                .map(r -> r.value("TA").orElseThrow())
                .toList();
        assertThat(amounts).containsExactly("50", "90");
    }

    @Test
    void postingsAreHeldAfterLinkEndUntilThePmsStartsTheLinkAgain() {
        checkIn(PMS, "3901");
        PMS.sendLinkEnd();
        await().atMost(WAIT).until(() -> connector.state() == FiasConnector.State.ENDED_BY_PMS);

        String callId = sendOutboundCall("3901", "+33612345678", 60);
        awaitPosting(callId, "PENDING");

        PMS.sendLinkStart();

        awaitPosting(callId, "DONE");
    }

    @Test
    void callsThatAreNotChargeableMakeNoPosting() {
        checkIn(PMS, "4001");
        String emergency = sendOutboundCall("4001", "112", 120);
        String notCheckedIn = sendOutboundCall("4099", "+33612345678", 120);
        String charged = sendOutboundCall("4001", "+33612345678", 30);

        awaitPosting(charged, "DONE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pms_postings WHERE call_id IN (SELECT id FROM calls WHERE"
                + " vendor_call_id IN (?, ?))", Integer.class, emergency, notCheckedIn)).isZero();
    }

    @Test
    void aPostingTheLinkCannotCarryIsRejectedAndDoesNotBlockTheNextOne() {
        String bad = UUID.randomUUID().toString();
        String good = UUID.randomUUID().toString();
        store.insert(stored(bad, "1.355"), java.time.Instant.now()); // 3 decimals: no TA on a 2-decimal link
        store.insert(stored(good, "2.40"), java.time.Instant.now());

        await().atMost(WAIT).until(() -> "DONE".equals(jdbc.queryForObject(
                "SELECT status FROM pms_postings WHERE call_id = ?", String.class, good)));
        assertThat(jdbc.queryForMap("SELECT status, last_error FROM pms_postings WHERE call_id = ?", bad))
                .containsEntry("STATUS", "REJECTED")
                .hasEntrySatisfying("LAST_ERROR", e -> assertThat((String) e).contains("cannot be written as a FIAS PS"));
        assertThat(PMS.received("PS").stream().filter(r -> r.value("TA").orElse("").equals("240"))).hasSize(1);
    }

    private static io.switchboard.pms.charge.Posting stored(String callId, String amount) {
        return new io.switchboard.pms.charge.Posting(io.switchboard.pms.charge.Posting.idFor(callId), callId, "fias", "4201",
                "4201", null, "C", new java.math.BigDecimal(amount), "EUR", 60, "0033612345678", "France mobile",
                java.time.Instant.now(), null, io.switchboard.pms.charge.Posting.Status.PENDING, null, 0);
    }

    // --- helpers -------------------------------------------------------------------------------------

}
