package io.switchboard.pms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.HubIntegrationTest;
import io.switchboard.call.CanonicalJson;
import io.switchboard.pms.fias.FiasPmsSimulator;
import io.switchboard.pms.fias.FiasRecord;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the PMS integration tests share: guests checked in over FIAS, room calls over Telphin, postings. */
public abstract class PmsIntegrationTest extends HubIntegrationTest {

    @Autowired
    protected JdbcTemplate jdbc;

    /**
     * Collects the room events of a test subscription into {@code events} (route and subscription
     * named {@code subscription}), once per Spring context; waits until the subscription exists.
     */
    protected void collectRoomEvents(CamelContext camel, String subscription, Collection<JsonNode> events) throws Exception {
        if (camel.getRoute(subscription) != null) {
            return;
        }
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("switchboard:rooms?subscription=" + subscription + "&delay=20")
                        .routeId(subscription)
                        .process(e -> events.add(CanonicalJson.MAPPER.readTree(e.getMessage().getBody(String.class))));
            }
        });
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM pms_room_subscriptions WHERE name = ?", Integer.class, subscription) == 1);
    }

    /**
     * Waits until the charge route's call-feed subscription exists: it starts at the end of the
     * feed when it first polls, so a call journaled before that would never reach it.
     */
    protected void awaitChargeSubscription() {
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM feed_subscriptions WHERE name = 'pms-call-charges'", Integer.class) == 1);
    }

    /** Checks a guest into {@code room} through the PMS simulator and waits until the hub knows. */
    protected void checkIn(FiasPmsSimulator pms, String room) {
        pms.send(FiasRecord.parse("GI|RN" + room + "|G#R" + room + "|GNGuest " + room + "|"));
        await().atMost(WAIT).until(() -> !guestsIn(room).isEmpty());
    }

    protected List<String> guestsIn(String room) {
        return jdbc.queryForList("SELECT reservation FROM pms_guests WHERE room = ? ORDER BY reservation", String.class, room);
    }

    /** Waits for a room event of this type and room among those a test route collected; returns the last. */
    protected static JsonNode awaitRoomEvent(Collection<JsonNode> events, String type, String room) {
        await().atMost(WAIT).until(() -> events.stream()
                .anyMatch(e -> e.path("type").asText().equals(type) && e.path("room").asText().equals(room)));
        return events.stream()
                .filter(e -> e.path("type").asText().equals(type) && e.path("room").asText().equals(room))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    /** Waits until the call's posting has this status; returns the posting id. */
    protected String awaitPosting(String vendorCallId, String status) {
        String sql = "SELECT p.id FROM pms_postings p JOIN calls c ON c.id = p.call_id WHERE c.vendor_call_id = ?"
                + " AND p.status = ?";
        await().atMost(WAIT).until(() -> !jdbc.queryForList(sql, String.class, vendorCallId, status).isEmpty());
        return jdbc.queryForList(sql, String.class, vendorCallId, status).get(0);
    }

    /**
     * Sends a Telphin outbound call from a room extension (dial-out, answer, hangup after
     * {@code talkSeconds}) to the hub; returns Telphin's CallID.
     */
    protected String sendOutboundCall(String extension, String to, int talkSeconds) {
        String callId = UUID.randomUUID().toString().replace("-", "");
        long start = System.currentTimeMillis() * 1000;
        long answer = start + 5_000_000L;
        long end = answer + talkSeconds * 1_000_000L;
        String common = "CallID=" + callId + "&SubCallID=" + callId + "-0001&CallerIDNum=" + extension
                + "&CallerIDName=Room%20" + extension + "&CalledNumber=" + URLEncoder.encode(to, StandardCharsets.UTF_8)
                + "&CallerExtension=" + extension + "%40sipproxy.telphin.ru&CallerExtensionID=175&CallFlow=out";
        for (String form : List.of(
                "EventType=dial-out&" + common + "&CallStatus=CALLING&EventTime=" + start,
                "EventType=answer&" + common + "&CallStatus=ANSWER&EventTime=" + answer,
                "EventType=hangup&" + common + "&CallStatus=ANSWER&EventTime=" + end + "&Duration=" + (end - answer))) {
            assertThat(post("/webhooks/telphin/" + source("telphin-demo").token(), "application/x-www-form-urlencoded", form,
                            Map.of())
                    .statusCode())
                    .isEqualTo(200);
        }
        return callId;
    }
}
