package io.switchboard.vendor.udesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.HubIntegrationTest;
import io.switchboard.config.Source;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** udesk callbacks over HTTP, signed as udesk signs them, read back from the query API. */
class UdeskEndToEndIT extends HubIntegrationTest {

    private HttpResponse<String> callback(String fixture) {
        Source udesk = source("udesk-demo");
        String timestamp = String.valueOf(System.currentTimeMillis());
        String query = UdeskSigner.query(udesk.udesk().appId(), udesk.udesk().secret(), timestamp);
        return post("/webhooks/udesk?" + query, "application/json", fixture("udesk/" + fixture), Map.of());
    }

    @Test
    void anInboundCallAnsweredByAnAgentBecomesOneAnsweredCall() {
        for (String step : List.of("01-begin", "02-user-answer", "03-agent-ringing", "04-agent-answer",
                "05-agent-hangup", "06-user-hangup", "07-record-stop", "08-end")) {
            HttpResponse<String> response = callback("inbound-answered/" + step + ".json");
            assertThat(response.statusCode()).as(step).isEqualTo(200);
        }

        JsonNode call = awaitSingleCall("vendor=udesk&number=13812345678", c -> c.path("state").asText().equals("ENDED"));

        assertThat(call.path("outcome").asText()).isEqualTo("ANSWERED");
        assertThat(call.path("direction").asText()).isEqualTo("INBOUND");
        assertThat(call.path("from").asText()).isEqualTo("+8613812345678");
        assertThat(call.path("agent").asText()).isEqualTo("1001");
        assertThat(call.path("vendorCallId").asText()).isEqualTo("7f3c2a10-5b1e-4c8e-9d2a-1e6f0b8a4c01");
        JsonNode detail = json(get("/api/v1/calls/" + call.path("id").asText()));
        assertThat(detail.path("events")).hasSize(8);
        assertThat(detail.path("events").get(0).path("vendorEventType").asText()).isEqualTo("begin");
        assertThat(detail.path("events").get(0).path("rawPayloadId").asLong()).isPositive();
    }

    @Test
    void aBadSignatureIsRejectedAndRecordsNothing() {
        String body = fixture("udesk/inbound-missed/01-begin.json");
        String timestamp = String.valueOf(System.currentTimeMillis());
        String query = UdeskSigner.query(source("udesk-demo").udesk().appId(), "wrong-secret", timestamp);

        HttpResponse<String> response = post("/webhooks/udesk?" + query, "application/json", body, Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).path("error").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain(source("udesk-demo").udesk().secret());
        assertThat(get("/api/v1/events?vendor=udesk&limit=500").body())
                .doesNotContain("0b9d4e22-8c31-4f7a-a6d5-3c2e9f1b7d02");
    }
}
