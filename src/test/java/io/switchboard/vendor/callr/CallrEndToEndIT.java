package io.switchboard.vendor.callr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.HubIntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CALLR webhooks over HTTP, signed as CALLR signs them, read back from the query API. */
class CallrEndToEndIT extends HubIntegrationTest {

    private HttpResponse<String> webhook(String fixture) {
        String body = fixture("callr/" + fixture);
        String secret = source("callr-demo").callr().hmacSecret();
        return post("/webhooks/callr", "application/json", body, Map.of(CallrSigner.HEADER, CallrSigner.sign(body, secret, "SHA256")));
    }

    @Test
    void anInboundAnsweredCallAndItsRetryBecomeOneCall() {
        assertThat(webhook("inbound-answered/01-inbound-start.json").statusCode()).isEqualTo(200);
        assertThat(webhook("inbound-answered/02-inbound-hangup.json").statusCode()).isEqualTo(200);
        assertThat(webhook("inbound-answered/02-inbound-hangup.json").statusCode()).isEqualTo(200);

        JsonNode call = awaitSingleCall("vendor=callr&number=0612345678&since=2025-03-14T00:00:00Z&until=2025-03-15T00:00:00Z",
                c -> c.path("state").asText().equals("ENDED"));

        assertThat(call.path("outcome").asText()).isEqualTo("ANSWERED");
        assertThat(call.path("direction").asText()).isEqualTo("INBOUND");
        assertThat(call.path("vendorCallId").asText()).isEqualTo("7004318123456789012");
        assertThat(call.path("line").asText()).isEqualTo("+33184250000");
        JsonNode detail = json(get("/api/v1/calls/" + call.path("id").asText()));
        assertThat(detail.path("events")).hasSize(2);
    }

    @Test
    void aTamperedBodyIsRejected() {
        String body = fixture("callr/inbound-missed/01-inbound-start.json");
        String signature = CallrSigner.sign(body, source("callr-demo").callr().hmacSecret(), "SHA256");

        HttpResponse<String> response = post("/webhooks/callr", "application/json", body.replace("+33", "+44"),
                Map.of(CallrSigner.HEADER, signature));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).path("message").asText()).contains("signature");
    }

    @Test
    void anSmsIsStoredAsAnEventButNotAsACall() {
        assertThat(webhook("sms/sms-mo.json").statusCode()).isEqualTo(200);

        org.awaitility.Awaitility.await().atMost(WAIT).until(
                () -> json(get("/api/v1/events?vendor=callr&type=sms.mo")).path("total").asInt() == 1);
        JsonNode event = json(get("/api/v1/events?vendor=callr&type=sms.mo")).path("items").get(0);
        assertThat(event.path("callId").isMissingNode()).isTrue();
        assertThat(event.path("kind").asText()).isEqualTo("NON_CALL");
    }
}
