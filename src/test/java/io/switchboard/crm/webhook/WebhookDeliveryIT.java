package io.switchboard.crm.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.switchboard.call.CanonicalJson;
import io.switchboard.crm.DeliveryTestSupport;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The signed webhook sink against a WireMock receiver, through the real hub: Telphin webhooks in,
 * durable source, Kamelet, HTTP out. Retries, Retry-After, DEAD by kind and by age, dry run.
 */
class WebhookDeliveryIT extends DeliveryTestSupport {

    static final String SECRET = "whsec-it-5c1d0e";
    static final String TEMPLATE = "{\"event\": \"call.${/state|lower}\", \"callId\": \"${/id}\", "
            + "\"vendorCallId\": \"${/vendorCallId}\", \"talkMs\": \"${/talkSeconds|millis}\"}";

    @RegisterExtension
    static WireMockExtension receiver = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private String sink(String path, String extra) {
        return "kamelet:webhook-call-sink?url=RAW(http://127.0.0.1:" + receiver.getPort() + path + ")&secret=RAW("
                + SECRET + ")&bodyTemplate=RAW(" + TEMPLATE + ")&timeout=5000" + extra;
    }

    private static final String FAST = "&initialBackoff=50&maxBackoff=200";

    @Test
    void aDeliveredCallIsSignedTemplatedAndKeyedByTheCall() throws Exception {
        receiver.stubFor(WireMock.post("/hook/ok").willReturn(ok()));
        subscribe("webhook-ok", FAST, sink("/hook/ok", ""));

        String vendorCallId = telphin().answeredCall();
        String callId = hubCallId(vendorCallId);

        await().atMost(SHORT).until(() -> "DELIVERED".equals(onlyStatus("webhook-ok")));
        List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlEqualTo("/hook/ok")));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        JsonNode body = CanonicalJson.MAPPER.readTree(request.getBodyAsString());
        assertThat(body.get("event").asText()).isEqualTo("call.ended");
        assertThat(body.get("callId").asText()).isEqualTo(callId);
        assertThat(body.get("vendorCallId").asText()).isEqualTo(vendorCallId);
        assertThat(body.get("talkMs").asLong()).isEqualTo(95_000);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getHeader("Idempotency-Key")).startsWith(callId + ":");
        assertThat(request.getHeader("X-Switchboard-Call-Id")).isEqualTo(callId);
        assertThat(request.getHeader("X-Switchboard-Call-State")).isEqualTo("ENDED");
        assertThat(request.getHeader("SwitchboardCallId")).as("no internal header leaks").isNull();
        long timestamp = Long.parseLong(request.getHeader("X-Switchboard-Timestamp"));
        assertThat(WebhookSignature.verify(SECRET, timestamp, request.getBodyAsString(),
                        request.getHeader("X-Switchboard-Signature")))
                .isTrue();
        assertThat(onlyDelivery("webhook-ok")).containsEntry("ATTEMPTS", 1).containsEntry("LAST_ERROR", null);
    }

    @Test
    void a429WithRetryAfterIsRetriedNoSoonerThanAsked() throws Exception {
        receiver.stubFor(WireMock.post("/hook/429").inScenario("rate").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2").withBody("{\"message\":\"slow down\"}"))
                .willSetStateTo("open"));
        receiver.stubFor(WireMock.post("/hook/429").inScenario("rate").whenScenarioStateIs("open").willReturn(ok()));
        subscribe("webhook-429", FAST, sink("/hook/429", ""));

        telphin().answeredCall();

        await().atMost(SHORT).until(() -> onlyAttempts("webhook-429") >= 1);
        Map<String, Object> afterFirst = onlyDelivery("webhook-429");
        assertThat(afterFirst).containsEntry("STATUS", "PENDING");
        Duration wait = Duration.between(time(afterFirst.get("UPDATED_AT")), time(afterFirst.get("NEXT_ATTEMPT_AT")));
        assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(2)); // the backoff alone would be at most 75 ms
        assertThat((String) afterFirst.get("LAST_ERROR")).contains("rate limited, HTTP 429").contains("Retry-After 2000 ms");
        await().atMost(SHORT).until(() -> "DELIVERED".equals(onlyStatus("webhook-429")));
        List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlEqualTo("/hook/429")));
        assertThat(requests).hasSize(2);
        long gapMs = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
        assertThat(gapMs).isGreaterThanOrEqualTo(2000);
        assertThat(requests.get(1).getHeader("Idempotency-Key")).isEqualTo(requests.get(0).getHeader("Idempotency-Key"));
    }

    @Test
    void a500IsRetriedThenDelivered() throws Exception {
        receiver.stubFor(WireMock.post("/hook/500").inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500).withBody("boom"))
                .willSetStateTo("fixed"));
        receiver.stubFor(WireMock.post("/hook/500").inScenario("flaky").whenScenarioStateIs("fixed").willReturn(ok()));
        subscribe("webhook-500", FAST, sink("/hook/500", ""));

        telphin().answeredCall();

        await().atMost(SHORT).until(() -> "DELIVERED".equals(onlyStatus("webhook-500")));
        assertThat(onlyDelivery("webhook-500")).containsEntry("ATTEMPTS", 2);
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hook/500")))).hasSize(2);
    }

    @Test
    void aRejectedRequestIsDeadAtOnceWithTheReceiversMessage() throws Exception {
        receiver.stubFor(WireMock.post("/hook/422").willReturn(
                aResponse().withStatus(422).withBody("{\"message\":\"outcome is required\"}")));
        subscribe("webhook-422", FAST, sink("/hook/422", ""));

        telphin().answeredCall();

        await().atMost(SHORT).until(() -> "DEAD".equals(onlyStatus("webhook-422")));
        Map<String, Object> dead = onlyDelivery("webhook-422");
        assertThat(dead).containsEntry("ATTEMPTS", 1);
        assertThat((String) dead.get("LAST_ERROR"))
                .startsWith("not retryable: webhook POST http://127.0.0.1:")
                .contains("rejected, HTTP 422")
                .contains("outcome is required")
                .doesNotContain(SECRET);
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hook/422")))).hasSize(1);
    }

    @Test
    void aDeliveryStillFailingAfterMaxAgeIsDead() throws Exception {
        receiver.stubFor(WireMock.post("/hook/down").willReturn(aResponse().withStatus(503)));
        subscribe("webhook-age", "&initialBackoff=100&maxBackoff=300&maxAttempts=0&maxAge=4000", sink("/hook/down", ""));

        telphin().answeredCall();

        await().atMost(SHORT).until(() -> "DEAD".equals(onlyStatus("webhook-age")));
        Map<String, Object> dead = onlyDelivery("webhook-age");
        assertThat((String) dead.get("LAST_ERROR")).startsWith("gave up after PT4S").contains("unavailable, HTTP 503");
        assertThat(((Number) dead.get("ATTEMPTS")).intValue()).isGreaterThan(1);
    }

    @Test
    void aDryRunSendsNothingAndShowsTheSignedRequest() throws Exception {
        receiver.stubFor(WireMock.post("/hook/dry").willReturn(ok()));
        subscribe("webhook-dry", FAST, sink("/hook/dry", "&dryRun=true"));

        String callId = hubCallId(telphin().answeredCall());

        await().atMost(SHORT).until(() -> "DELIVERED".equals(onlyStatus("webhook-dry")));
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hook/dry")))).isEmpty();
        JsonNode items = json(get("/api/v1/dry-runs?limit=200")).get("items");
        JsonNode entry = null;
        for (JsonNode item : items) {
            if ("webhook-dry".equals(item.path("subscription").asText())) {
                entry = item;
            }
        }
        assertThat(entry).as("dry run of webhook-dry in %s", items).isNotNull();
        assertThat(entry.get("sink").asText()).isEqualTo("webhook");
        assertThat(entry.get("callId").asText()).isEqualTo(callId);
        assertThat(entry.get("method").asText()).isEqualTo("POST");
        assertThat(entry.get("target").asText()).endsWith("/hook/dry");
        assertThat(entry.at("/headers/Idempotency-Key").asText()).startsWith(callId + ":");
        assertThat(entry.at("/headers/X-Switchboard-Signature").asText()).startsWith("sha256=");
        assertThat(entry.get("body").asText()).contains("\"event\":\"call.ended\"");
    }

    private static OffsetDateTime time(Object value) {
        return value instanceof java.sql.Timestamp t ? t.toInstant().atOffset(java.time.ZoneOffset.UTC) : (OffsetDateTime) value;
    }
}
