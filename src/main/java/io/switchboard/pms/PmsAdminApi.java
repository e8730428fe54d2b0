package io.switchboard.pms;

import io.switchboard.api.QueryParams;
import io.switchboard.ingress.HttpReplies;
import io.switchboard.ingress.RejectedRequestException;
import io.switchboard.pms.fias.FiasConnector;
import io.switchboard.pms.room.RoomEvents;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/v1/admin/pms/resync} (scope admin): asks the PMS to replay its guests now, e.g.
 * after the index was found out of step with the front desk. Sends FIAS {@code DR} over the live
 * link and answers 202; the PMS answers DS, one GI per occupied room, DE, and the room index is
 * replaced with what it replays (guests it does not replay are checked out, with resync room
 * events). 409 JSON when the link is not up (nothing is queued: ask again when it is) or when no
 * FIAS link is configured.
 *
 * <p>{@code GET /api/v1/admin/pms/room-events/dead} and {@code POST
 * /api/v1/admin/pms/room-events/dead/{subscription}/{seq}/replay}: room events a {@code
 * switchboard:rooms} subscription gave up on are kept, listed and delivered again on request.
 */
@Component
class PmsAdminApi extends RouteBuilder {

    private static final Set<String> DEAD_FILTERS = Set.of("subscription", "status", "limit");

    private final ObjectProvider<FiasConnector> fias;
    private final RoomEvents roomEvents;

    PmsAdminApi(ObjectProvider<FiasConnector> fias, RoomEvents roomEvents) {
        this.fias = fias;
        this.roomEvents = roomEvents;
    }

    @Override
    public void configure() {
        rest("/api/v1/admin/pms")
                .post("/resync")
                .id("api-pms-resync-rest")
                .description("Asks the PMS to replay its guests (FIAS DR → DS, GI…, DE); the room index is replaced"
                        + " with the replay. 202 when DR was sent; 409 when the FIAS link is down or not configured."
                        + " Scope admin.")
                .produces("application/json")
                .to("direct:api-pms-resync")
                .get("/room-events/dead")
                .id("api-pms-room-events-dead-rest")
                .description("Room events a switchboard:rooms subscription gave up on (maxAttempts), newest first."
                        + " Query: subscription, status (DEAD, REPLAY, DELIVERED), limit (1..1000, default 100). Scope admin.")
                .produces("application/json")
                .to("direct:api-pms-room-events-dead")
                .post("/room-events/dead/{subscription}/{seq}/replay")
                .id("api-pms-room-event-replay-rest")
                .description("Delivers a dead room event again, once, on its subscription's next poll. 202 queued, 404"
                        + " unknown, 409 not DEAD (already queued or delivered). Scope admin.")
                .produces("application/json")
                .to("direct:api-pms-room-event-replay");

        from("direct:api-pms-resync").routeId("api-pms-resync").routeConfigurationId("api-errors")
                .process(this::resync);
        from("direct:api-pms-room-events-dead").routeId("api-pms-room-events-dead").routeConfigurationId("api-errors")
                .process(this::deadEvents);
        from("direct:api-pms-room-event-replay").routeId("api-pms-room-event-replay").routeConfigurationId("api-errors")
                .process(this::replay);
    }

    void deadEvents(Exchange exchange) {
        QueryParams p = QueryParams.parse(exchange.getMessage().getHeader(Exchange.HTTP_QUERY, String.class), DEAD_FILTERS);
        String status = p.text("status");
        if (status != null && !List.of("DEAD", "REPLAY", "DELIVERED").contains(status)) {
            throw RejectedRequestException.badRequest("invalid_parameter", "status must be DEAD, REPLAY or DELIVERED");
        }
        int limit = p.integer("limit", 100, 1, 1000);
        HttpReplies.json(exchange, 200, Map.of("items", roomEvents.deadEvents(p.text("subscription"), status, limit)));
    }

    void replay(Exchange exchange) {
        String subscription = exchange.getMessage().getHeader("subscription", String.class);
        String seqText = exchange.getMessage().getHeader("seq", String.class);
        long seq;
        try {
            seq = Long.parseLong(seqText);
        } catch (NumberFormatException e) {
            throw RejectedRequestException.badRequest("invalid_parameter", "the event seq must be a whole number, was '"
                    + seqText + "'");
        }
        switch (roomEvents.requestReplay(subscription, seq, Instant.now())) {
            case UNKNOWN -> throw RejectedRequestException.notFound("dead_room_event_not_found",
                    "subscription '" + subscription + "' has no dead room event " + seq);
            case NOT_DEAD -> throw new RejectedRequestException(409, "not_dead",
                    "room event " + seq + " of subscription '" + subscription + "' is already queued or delivered");
            case QUEUED -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("subscription", subscription);
                body.put("seq", seq);
                body.put("status", "REPLAY");
                HttpReplies.json(exchange, 202, body);
            }
        }
    }

    void resync(Exchange exchange) {
        FiasConnector connector = fias.getIfAvailable();
        if (connector == null) {
            throw new RejectedRequestException(409, "pms_link_not_configured",
                    "no FIAS link is configured (switchboard.pms.fias.enabled is false): nothing to resync");
        }
        FiasConnector.State state = connector.requestResync();
        if (state != FiasConnector.State.UP) {
            throw new RejectedRequestException(409, "pms_link_down",
                    "the FIAS link is not up (state " + state + "): DR not sent, ask again once the link is up");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requested", "DR");
        body.put("link", state.name());
        body.put("requestedAt", Instant.now().toString());
        HttpReplies.json(exchange, 202, body);
    }
}
