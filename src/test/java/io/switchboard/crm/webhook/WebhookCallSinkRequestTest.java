package io.switchboard.crm.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.call.CanonicalJson;
import io.switchboard.crm.CallTemplate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The request the webhook sink builds for one call change: body, idempotency key, signature. */
class WebhookCallSinkRequestTest {

    private static final String CALL = "{\"id\":\"5f0c1e9a-0000-4000-8000-000000000001\",\"from\":\"+79161234567\","
            + "\"state\":\"ENDED\",\"talkSeconds\":95}";

    private final WebhookCallSink sink =
            new WebhookCallSink(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

    WebhookCallSinkRequestTest() {
        sink.setSecret("whsec-test-secret");
    }

    @Test
    void headersCarryTheIdempotencyKeyCallAndAVerifiableSignature() throws Exception {
        WebhookCallSink.Request r = sink.request(CALL, "5f0c1e9a-0000-4000-8000-000000000001", "ENDED", 42L,
                CallTemplate.parse("{\"event\": \"call.${/state|lower}\", \"callId\": \"${/id}\", \"talkMs\": \"${/talkSeconds|millis}\"}"));

        assertThat(CanonicalJson.MAPPER.readTree(r.body())).isEqualTo(CanonicalJson.MAPPER.readTree(
                "{\"event\":\"call.ended\",\"callId\":\"5f0c1e9a-0000-4000-8000-000000000001\",\"talkMs\":95000}"));
        assertThat(r.headers())
                .containsEntry("Content-Type", "application/json")
                .containsEntry("Idempotency-Key", "5f0c1e9a-0000-4000-8000-000000000001:42")
                .containsEntry("X-Switchboard-Call-Id", "5f0c1e9a-0000-4000-8000-000000000001")
                .containsEntry("X-Switchboard-Call-State", "ENDED")
                .containsEntry("X-Switchboard-Timestamp", "1795428000");
        assertThat(WebhookSignature.verify("whsec-test-secret", 1795428000L, r.body(), r.headers().get("X-Switchboard-Signature")))
                .isTrue();
    }

    @Test
    void theSignatureHeaderNameIsConfigurableAndTheDefaultBodyIsTheCall() throws Exception {
        sink.setSignatureHeader("X-Hub-Signature-256");

        WebhookCallSink.Request r = sink.request(CALL, "c", "ENDED", 7L, CallTemplate.parse(""));

        JsonNode body = CanonicalJson.MAPPER.readTree(r.body());
        assertThat(body).isEqualTo(CanonicalJson.MAPPER.readTree(CALL));
        assertThat(r.headers()).containsKey("X-Hub-Signature-256").doesNotContainKey("X-Switchboard-Signature");
        assertThat(r.headers().get("X-Hub-Signature-256")).startsWith("sha256=").hasSize(7 + 64);
    }

    @Test
    void theSecretNeverShowsInTheSinksDescription() {
        sink.setUrl("https://crm.example.com/hook");

        assertThat(sink.toString()).doesNotContain("whsec-test-secret").contains("crm.example.com");
    }
}
