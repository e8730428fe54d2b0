package io.switchboard.pms.room;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.call.CanonicalJson;
import io.switchboard.ingress.HttpReplies;
import io.switchboard.ingress.RejectedRequestException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/v1/pms/wake-ups/{id}/result} with {@code {"result":"OK"}} (OK, BY or NR): how a
 * system outside Camel reports the single final result of a wake-up call. 200 when recorded, 404
 * for an unknown id, 409 when the wake-up already has its result or was cleared, 400 for bad input.
 */
@Component
class WakeUpApi extends RouteBuilder {

    private final WakeUps wakeUps;

    WakeUpApi(WakeUps wakeUps) {
        this.wakeUps = wakeUps;
    }

    @Override
    public void configure() {
        rest("/api/v1/pms")
                .post("/wake-ups/{id}/result")
                .id("api-pms-wake-up-result-rest")
                .description("Report the one final result of a wake-up call: {\"result\":\"OK\"|\"BY\"|\"NR\"}")
                .consumes("application/json")
                .produces("application/json")
                .to("direct:api-pms-wake-up-result");

        from("direct:api-pms-wake-up-result").routeId("api-pms-wake-up-result").routeConfigurationId("api-errors")
                .process(this::report);
    }

    void report(Exchange exchange) {
        long id = id(exchange.getMessage().getHeader("id", String.class));
        String result = result(exchange.getMessage().getBody(String.class));
        WakeUps.Outcome outcome = wakeUps.report(id, result);
        switch (outcome) {
            case UNKNOWN -> throw new RejectedRequestException(404, "unknown_wake_up", "no wake-up with id " + id);
            case ALREADY_FINAL -> throw new RejectedRequestException(409, "already_final",
                    "wake-up " + id + " already has its result or was cleared; only the first result counts");
            case RECORDED -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("id", id);
                body.put("result", result);
                HttpReplies.json(exchange, 200, body);
            }
        }
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw RejectedRequestException.badRequest("bad_id", "the wake-up id must be a number");
        }
    }

    private static String result(String body) {
        JsonNode json;
        try {
            json = CanonicalJson.MAPPER.readTree(body == null ? "" : body);
        } catch (Exception e) {
            throw RejectedRequestException.badRequest("malformed_json", "the body must be JSON: {\"result\":\"OK\"}");
        }
        if (json == null || !json.isObject()) {
            throw RejectedRequestException.badRequest("malformed_json", "the body must be a JSON object: {\"result\":\"OK\"}");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("result")) { // a typo ("reslt") or a field this API does not have is not ignored
                throw RejectedRequestException.badRequest("unknown_field", "Unknown field '" + name + "'; allowed: result");
            }
        }
        JsonNode value = json.path("result");
        String result = value.isTextual() ? value.asText() : null;
        if (result == null || !WakeUps.RESULTS.contains(result)) {
            throw RejectedRequestException.badRequest("bad_result", "result must be OK, BY or NR");
        }
        return result;
    }
}
