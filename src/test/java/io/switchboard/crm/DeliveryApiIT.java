package io.switchboard.crm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The deliveries API over HTTP: list the failed ones, replay one, a call's, or all since a time,
 * and the 400/404 answers. The receiver first rejects (deliveries go DEAD), then is fixed.
 */
class DeliveryApiIT extends DeliveryTestSupport {

    private static final String SUB = "api-replay";

    @RegisterExtension
    static WireMockExtension receiver = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @Test
    void deadDeliveriesAreListedAndReplayedOneByCallAndSince() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        receiver.stubFor(WireMock.post("/crm").willReturn(aResponse().withStatus(400).withBody("{\"message\":\"bad owner\"}")));
        subscribe(SUB, "&initialBackoff=50&maxBackoff=100", "kamelet:webhook-call-sink?url=RAW(http://127.0.0.1:"
                + receiver.getPort() + "/crm)&secret=RAW(api-it-secret)");
        String first = hubCallId(telphin().answeredCall());
        String second = hubCallId(telphin().answeredCall());
        await().atMost(SHORT).until(() -> deliveries(SUB).stream().filter(d -> "DEAD".equals(d.get("STATUS"))).count() == 2);

        // The failed deliveries, with why they failed.
        JsonNode dead = json(get("/api/v1/deliveries?status=DEAD&subscription=" + SUB));
        assertThat(dead.get("total").asInt()).isEqualTo(2);
        JsonNode item = dead.get("items").get(0);
        assertThat(item.get("callId").asText()).isIn(first, second);
        assertThat(item.get("status").asText()).isEqualTo("DEAD");
        assertThat(item.get("state").asText()).isEqualTo("ENDED");
        assertThat(item.get("attempts").asInt()).isEqualTo(1);
        assertThat(item.get("lastError").asText()).contains("HTTP 400").contains("bad owner");
        assertThat(item.get("createdAt").asText()).endsWith("Z");
        assertThat(json(get("/api/v1/deliveries?subscription=" + SUB + "&callId=" + first)).get("total").asInt()).isEqualTo(1);
        assertThat(json(get("/api/v1/deliveries?subscription=" + SUB + "&status=DELIVERED")).get("total").asInt()).isZero();
        assertThat(json(get("/api/v1/deliveries?subscription=" + SUB + "&since=2999-01-01T00:00:00Z")).get("total").asInt())
                .isZero();
        JsonNode page = json(get("/api/v1/deliveries?subscription=" + SUB + "&limit=1&offset=1"));
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("total").asInt()).isEqualTo(2);

        receiver.resetAll();
        receiver.stubFor(WireMock.post("/crm").willReturn(ok()));

        // Replay one delivery by id.
        long firstId = deliveryIdOf(first);
        HttpResponse<String> one = post("/api/v1/deliveries/" + firstId + "/replay", "application/json", "", Map.of());
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(json(one).get("replayed").asInt()).isEqualTo(1);
        assertThat(json(one).at("/delivery/status").asText()).isEqualTo("PENDING");
        assertThat(json(one).at("/delivery/attempts").asInt()).isZero();
        assertThat(json(one).at("/delivery/replays").asInt()).isEqualTo(1);
        await().atMost(SHORT).until(() -> "DELIVERED".equals(status(first)));
        assertThat(status(second)).isEqualTo("DEAD");
        assertThat(requestsFor(first)).hasSize(1);

        // Replay one call.
        HttpResponse<String> byCall = post("/api/v1/deliveries/replay", "application/json",
                "{\"subscription\": \"" + SUB + "\", \"callId\": \"" + second + "\"}", Map.of());
        assertThat(byCall.statusCode()).isEqualTo(200);
        assertThat(json(byCall).get("replayed").asInt()).isEqualTo(1);
        await().atMost(SHORT).until(() -> "DELIVERED".equals(status(second)));

        // Nothing is DEAD any more; replay every delivered call since the start, sent again with the same key.
        assertThat(json(post("/api/v1/deliveries/replay", "application/json",
                        "{\"subscription\": \"" + SUB + "\", \"since\": \"" + start + "\", \"status\": \"DEAD\"}", Map.of()))
                .get("replayed").asInt()).isZero();
        HttpResponse<String> since = post("/api/v1/deliveries/replay", "application/json",
                "{\"subscription\": \"" + SUB + "\", \"since\": \"" + start + "\"}", Map.of());
        assertThat(json(since).get("replayed").asInt()).isEqualTo(2);
        await().atMost(SHORT).until(() -> requestsFor(first).size() == 2 && requestsFor(second).size() == 2);
        await().atMost(SHORT).until(() -> "DELIVERED".equals(status(first)) && "DELIVERED".equals(status(second)));
        for (String callId : List.of(first, second)) {
            List<LoggedRequest> sent = requestsFor(callId);
            assertThat(sent.get(1).getHeader("Idempotency-Key")).isEqualTo(sent.get(0).getHeader("Idempotency-Key"));
        }
    }

    @Test
    void badRequestsGet400AndUnknownDeliveries404WithAJsonBody() {
        assertError(get("/api/v1/deliveries?status=LOST"), 400, "invalid_parameter");
        assertError(get("/api/v1/deliveries?limit=0"), 400, "invalid_parameter");
        assertError(get("/api/v1/deliveries?since=yesterday"), 400, "invalid_parameter");
        assertError(get("/api/v1/deliveries?color=red"), 400, "unknown_parameter");
        assertError(post("/api/v1/deliveries/987654321/replay", "application/json", "", Map.of()), 404, "delivery_not_found");
        assertError(post("/api/v1/deliveries/abc/replay", "application/json", "", Map.of()), 400, "invalid_parameter");
        assertError(post("/api/v1/deliveries/replay", "application/json", "{\"subscription\": \"x\"}", Map.of()), 400,
                "invalid_request");
        assertError(post("/api/v1/deliveries/replay", "application/json", "{oops", Map.of()), 400, "invalid_json");
        assertError(get("/api/v1/dry-runs?limit=1000"), 400, "invalid_parameter");
    }

    @Test
    void theOpenApiDocumentDescribesTheDeliveriesApi() {
        JsonNode paths = json(get("/api/v1/openapi.json")).get("paths");

        assertThat(paths.has("/api/v1/deliveries")).isTrue();
        assertThat(paths.has("/api/v1/deliveries/{id}/replay")).isTrue();
        assertThat(paths.has("/api/v1/deliveries/replay")).isTrue();
        assertThat(paths.has("/api/v1/dry-runs")).isTrue();
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
        assertThat(json(response).get("error").asText()).isEqualTo(code);
        assertThat(json(response).get("message").asText()).isNotBlank();
    }

    private long deliveryIdOf(String callId) {
        return jdbc.queryForObject("SELECT id FROM feed_deliveries WHERE subscription = ? AND call_id = ?", Long.class, SUB,
                callId);
    }

    private String status(String callId) {
        return jdbc.queryForObject("SELECT status FROM feed_deliveries WHERE subscription = ? AND call_id = ?", String.class,
                SUB, callId);
    }

    private List<LoggedRequest> requestsFor(String callId) {
        return receiver.findAll(postRequestedFor(urlEqualTo("/crm")).withHeader("X-Switchboard-Call-Id",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo(callId)));
    }
}
