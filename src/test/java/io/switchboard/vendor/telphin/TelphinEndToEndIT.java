package io.switchboard.vendor.telphin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.HubIntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Telphin extension events over HTTP (GET query and form POST), read back from the query API. */
class TelphinEndToEndIT extends HubIntegrationTest {

    private String url() {
        return "/webhooks/telphin/" + source("telphin-demo").token();
    }

    private HttpResponse<String> viaGet(String fixture) {
        return get(url() + "?" + fixture("telphin/" + fixture).strip());
    }

    private HttpResponse<String> viaForm(String fixture) {
        return post(url(), "application/x-www-form-urlencoded", fixture("telphin/" + fixture).strip(), Map.of());
    }

    @Test
    void anInboundCallAnsweredOverGetBecomesOneAnsweredCall() {
        for (String step : List.of("01-dial-in", "02-answer", "03-hangup")) {
            assertThat(viaGet("inbound-answered/" + step + ".query").statusCode()).as(step).isEqualTo(200);
        }

        JsonNode call = awaitSingleCall(
                "vendor=telphin&number=%2B79161234567&since=2024-11-23T08:19:00Z&until=2024-11-23T08:25:00Z",
                c -> c.path("state").asText().equals("ENDED"));

        assertThat(call.path("outcome").asText()).isEqualTo("ANSWERED");
        assertThat(call.path("direction").asText()).isEqualTo("INBOUND");
        assertThat(call.path("to").asText()).isEqualTo("+74951234567");
        assertThat(call.path("talkSeconds").asLong()).isEqualTo(95);
        assertThat(call.path("ringSeconds").asLong()).isEqualTo(8);
        assertThat(call.path("vendorCallId").asText()).isEqualTo("a1f4c2e87b3d4e0f9c6b5a2d1e8f7c01");
    }

    @Test
    void aQueueCallDeliveredTwiceAndOutOfOrderOverFormPostIsStillOneAnsweredCall() {
        List<String> steps = List.of("07-hangup-queue", "06-hangup-agent-102", "04-answer-agent-102",
                "01-dial-in-queue", "02-dial-in-agent-101", "03-dial-in-agent-102", "05-hangup-agent-101",
                "04-answer-agent-102", "07-hangup-queue");
        for (String step : steps) {
            assertThat(viaForm("queue-answered/" + step + ".query").statusCode()).as(step).isEqualTo(200);
        }

        JsonNode call = awaitSingleCall(
                "vendor=telphin&number=%2B79161234567&outcome=ANSWERED&since=2024-11-23T08:45:00Z&until=2024-11-23T09:00:00Z",
                c -> c.path("state").asText().equals("ENDED"));

        assertThat(call.path("vendorCallId").asText()).isEqualTo("d4a7f5b10e6a4b3c2f9e8d5a4b1c0f04");
        assertThat(call.path("legs")).hasSize(3);
        JsonNode detail = json(get("/api/v1/calls/" + call.path("id").asText()));
        assertThat(detail.path("events")).hasSize(7);
    }

    @Test
    void anUnknownTokenIsRejectedWithoutEchoingIt() {
        HttpResponse<String> response = get("/webhooks/telphin/not-the-token?EventType=dial-in&CallID=x");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).path("error").asText()).isEqualTo("unknown_token");
        assertThat(response.body()).doesNotContain("not-the-token");
    }

    @Test
    void anUnknownEventTypeIsA400NamingIt() {
        HttpResponse<String> response = get(url() + "?EventType=teleport&CallID=abc&EventTime=1732350000000000");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("message").asText()).contains("teleport");
        assertThat(get("/api/v1/calls?vendor=telphin&limit=500").body()).doesNotContain("\"abc\"");
    }
}
