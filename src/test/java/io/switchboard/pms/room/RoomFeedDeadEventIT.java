package io.switchboard.pms.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.HubIntegrationTest;
import io.switchboard.call.CanonicalJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A route reading {@code switchboard:rooms} fails on one event until its retries run out: the event
 * is not lost. It is kept as DEAD (listed by the admin API with its error), the events behind it go
 * on, and once the cause is fixed a replay delivers it exactly once. Before its retries run out the
 * failing event holds the later ones back (order kept).
 */
class RoomFeedDeadEventIT extends HubIntegrationTest {

    private static final String SUBSCRIPTION = "it-dead-room-events";
    private static final List<JsonNode> DELIVERED = new CopyOnWriteArrayList<>();
    private static final AtomicBoolean BROKEN = new AtomicBoolean(true);

    @Autowired
    CamelContext camel;

    @Autowired
    RoomEvents events;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anEventARouteGaveUpOnIsKeptListedAndReplayedOnce() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("switchboard:rooms?subscription=" + SUBSCRIPTION + "&delay=20&maxAttempts=3&initialBackoff=10"
                        + "&maxBackoff=20")
                        .routeId("it-dead-room-events")
                        .process(e -> {
                            JsonNode event = CanonicalJson.MAPPER.readTree(e.getMessage().getBody(String.class));
                            if (BROKEN.get() && event.path("room").asText().equals("9901")) {
                                throw new IllegalStateException("PBX refused the display name for room 9901");
                            }
                            DELIVERED.add(event);
                        });
            }
        });
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM pms_room_subscriptions WHERE name = ?", Integer.class, SUBSCRIPTION) == 1);

        long failing = events.append(RoomEvent.of(RoomEventType.CHECK_IN, "9901", "9901", Instant.now())).seq();
        events.append(RoomEvent.of(RoomEventType.CHECK_IN, "9902", "9902", Instant.now()));

        // the events behind it are delivered once the failing one is given up (order kept until then)
        await().atMost(WAIT).until(() -> delivered("9902") == 1);
        assertThat(delivered("9901")).isZero();

        JsonNode dead = json(get("/api/v1/admin/pms/room-events/dead?subscription=" + SUBSCRIPTION));
        assertThat(dead.path("items")).hasSize(1);
        JsonNode item = dead.path("items").get(0);
        assertThat(item.path("seq").asLong()).isEqualTo(failing);
        assertThat(item.path("type").asText()).isEqualTo("CHECK_IN");
        assertThat(item.path("room").asText()).isEqualTo("9901");
        assertThat(item.path("status").asText()).isEqualTo("DEAD");
        assertThat(item.path("attempts").asInt()).isEqualTo(3);
        assertThat(item.path("lastError").asText()).contains("PBX refused the display name");

        // only admins see or replay them
        String reader = "Bearer sb_test_reader_key_0123456789";
        assertThat(get("/api/v1/admin/pms/room-events/dead", Map.of("Authorization", reader)).statusCode()).isEqualTo(403);
        String replay = "/api/v1/admin/pms/room-events/dead/" + SUBSCRIPTION + "/" + failing + "/replay";
        assertThat(post(replay, "application/json", "", Map.of("Authorization", reader)).statusCode()).isEqualTo(403);

        // a replay while the cause is not fixed: DEAD again, its attempts counted
        var first = post(replay, "application/json", "", Map.of());
        assertThat(first.statusCode()).isEqualTo(202);
        await().atMost(WAIT).until(() -> "DEAD".equals(status(failing)) && attempts(failing) == 4);

        // fixed: the replay delivers it once
        BROKEN.set(false);
        assertThat(post(replay, "application/json", "", Map.of()).statusCode()).isEqualTo(202);
        await().atMost(WAIT).until(() -> "DELIVERED".equals(status(failing)));
        assertThat(delivered("9901")).isEqualTo(1);
        assertThat(DELIVERED.stream().filter(e -> e.path("room").asText().equals("9901")).findFirst().orElseThrow()
                .path("seq").asLong()).isEqualTo(failing);

        var again = post(replay, "application/json", "", Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).path("error").asText()).isEqualTo("not_dead");
        var unknown = post("/api/v1/admin/pms/room-events/dead/" + SUBSCRIPTION + "/999999/replay", "application/json", "",
                Map.of());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/admin/pms/room-events/dead/" + SUBSCRIPTION + "/x/replay", "application/json", "",
                        Map.of()).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/admin/pms/room-events/dead?status=GONE").statusCode()).isEqualTo(400);
        var unknownParameter = get("/api/v1/admin/pms/room-events/dead?bogus=1");
        assertThat(unknownParameter.statusCode()).isEqualTo(400);
        assertThat(json(unknownParameter).path("error").asText()).isEqualTo("unknown_parameter");
        assertThat(json(get("/api/v1/admin/pms/room-events/dead?limit=0")).path("error").asText()).isEqualTo("invalid_parameter");
        assertThat(delivered("9901")).isEqualTo(1);
        camel.getRouteController().stopRoute("it-dead-room-events");
    }

    @Test
    void withMaxAttemptsZeroAFailingEventIsRetriedUntilItGoesThroughAndNeverSetAside() throws Exception {
        String subscription = "it-room-events-no-limit";
        AtomicInteger failuresLeft = new AtomicInteger(5);
        List<String> order = new CopyOnWriteArrayList<>();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("switchboard:rooms?subscription=" + subscription + "&delay=20&maxAttempts=0&initialBackoff=10"
                        + "&maxBackoff=20&types=CHECK_OUT")
                        .routeId(subscription)
                        .process(e -> {
                            String room = CanonicalJson.MAPPER.readTree(e.getMessage().getBody(String.class)).path("room").asText();
                            if (room.equals("9911") && failuresLeft.getAndDecrement() > 0) {
                                throw new IllegalStateException("PMS busy");
                            }
                            order.add(room);
                        });
            }
        });
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM pms_room_subscriptions WHERE name = ?", Integer.class, subscription) == 1);
        events.append(RoomEvent.of(RoomEventType.CHECK_OUT, "9911", "9911", Instant.now()));
        events.append(RoomEvent.of(RoomEventType.CHECK_OUT, "9912", "9912", Instant.now()));

        await().atMost(WAIT).until(() -> order.contains("9912"));
        assertThat(order).containsSubsequence("9911", "9912");
        assertThat(order.stream().filter("9911"::equals).count()).isEqualTo(1);
        assertThat(failuresLeft.get()).as("all five failures happened first").isNegative();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pms_room_dead_events WHERE subscription = ?", Integer.class,
                subscription)).isZero();
        camel.getRouteController().stopRoute(subscription);
    }

    private long delivered(String room) {
        return DELIVERED.stream().filter(e -> e.path("room").asText().equals(room)).count();
    }

    private String status(long seq) {
        return jdbc.queryForObject("SELECT status FROM pms_room_dead_events WHERE subscription = ? AND seq = ?",
                String.class, SUBSCRIPTION, seq);
    }

    private int attempts(long seq) {
        return jdbc.queryForObject("SELECT attempts FROM pms_room_dead_events WHERE subscription = ? AND seq = ?",
                Integer.class, SUBSCRIPTION, seq);
    }
}
