package io.switchboard.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.HubIntegrationTest;
import io.switchboard.vendor.callr.CallrSigner;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Bad input gets a clear 4xx JSON error, is counted, and adds nothing; replies echo no header. */
class WebhookBadInputIT extends HubIntegrationTest {

    @Autowired
    MeterRegistry meters;

    private static void assertJsonError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = json(response);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("error").asText()).isEqualTo(error);
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aBodyOver256KbIsRejectedWith413() {
        String huge = "{\"type\":\"sms.mo\",\"data\":{\"text\":\"" + "x".repeat(300_000) + "\"}}";
        String secret = source("callr-demo").callr().hmacSecret();

        HttpResponse<String> response = post("/webhooks/callr", "application/json", huge,
                Map.of(CallrSigner.HEADER, CallrSigner.sign(huge, secret, "SHA256")));

        assertJsonError(response, 413, "payload_too_large");
    }

    @Test
    void malformedJsonIsA400() {
        String body = "{\"type\": \"call.inbound_start\", \"data\": ";
        String secret = source("callr-demo").callr().hmacSecret();

        HttpResponse<String> response = post("/webhooks/callr", "application/json", body,
                Map.of(CallrSigner.HEADER, CallrSigner.sign(body, secret, "SHA256")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("message").asText()).containsIgnoringCase("json");
    }

    @Test
    void aMissingSignatureIsA401AndIsCounted() {
        double before = rejected("callr", "401");

        HttpResponse<String> response = post("/webhooks/callr", "application/json", "{}", Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).path("message").asText()).contains("X-CALLR-HmacSignature");
        assertThat(rejected("callr", "401")).isEqualTo(before + 1);
    }

    @Test
    void aMalformedUrlEscapeIsA400() {
        HttpResponse<String> response = post("/webhooks/telphin/" + source("telphin-demo").token(),
                "application/x-www-form-urlencoded", "EventType=dial-in&CallID=%zz", Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isNotBlank();
    }

    @Test
    void repliesDoNotEchoRequestHeaders() {
        HttpResponse<String> ok = post("/webhooks/telphin/" + source("telphin-demo").token(),
                "application/x-www-form-urlencoded", fixture("telphin/message/01-message-in.query").strip(),
                Map.of("X-Secret-Probe", "s3cr3t", "X-Forwarded-For", "10.0.0.1"));
        HttpResponse<String> rejected = get("/webhooks/keyyo/wrong-token?type=SETUP&account=1");

        for (HttpResponse<String> response : java.util.List.of(ok, rejected)) {
            assertThat(response.headers().map().keySet())
                    .noneMatch(h -> h.equalsIgnoreCase("X-Secret-Probe") || h.equalsIgnoreCase("X-Forwarded-For")
                            || h.toLowerCase(java.util.Locale.ROOT).startsWith("camel") || h.equalsIgnoreCase("token"));
        }
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(rejected.body()).doesNotContain("wrong-token");
    }

    @Test
    void queryApiErrorsAre400sNamingTheParameter() {
        assertJsonError(get("/api/v1/calls?state=FLYING"), 400, "invalid_parameter");
        assertJsonError(get("/api/v1/calls?since=yesterday"), 400, "invalid_parameter");
        assertJsonError(get("/api/v1/calls?limit=0"), 400, "invalid_parameter");
        assertJsonError(get("/api/v1/calls?vendr=keyyo"), 400, "unknown_parameter");
        assertJsonError(get("/api/v1/calls/does-not-exist"), 404, "call_not_found");
        assertJsonError(get("/api/v1/events?since=2026-01-02&until=2026-01-01"), 400, "invalid_parameter");
    }

    private double rejected(String vendor, String status) {
        return meters.find("switchboard.webhook.rejected").tag("vendor", vendor).tag("status", status).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }
}
