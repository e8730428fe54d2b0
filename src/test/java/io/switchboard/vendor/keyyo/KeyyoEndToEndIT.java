package io.switchboard.vendor.keyyo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.HubIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keyyo server notifications (GET and form POST) and CTI relay objects over HTTP. */
class KeyyoEndToEndIT extends HubIntegrationTest {

    private String token() {
        return source("keyyo-demo").token();
    }

    private HttpResponse<String> notify(String fixture) {
        return get("/webhooks/keyyo/" + token() + "?" + fixture("keyyo/" + fixture).strip());
    }

    @Test
    void theServerAndCtiFeedsOfOneAnsweredCallMergeIntoOneCall() {
        for (String step : List.of("01-setup", "02-connect", "03-release")) {
            assertThat(notify("inbound-answered/" + step + ".query").statusCode()).as(step).isEqualTo(200);
            HttpResponse<String> cti = post("/webhooks/keyyo-cti/" + token(), "application/json",
                    fixture("keyyo/cti/inbound-answered/" + ctiFile(step)), Map.of());
            assertThat(cti.statusCode()).as("cti " + step).isEqualTo(200);
        }

        JsonNode call = awaitSingleCall("vendor=keyyo&number=0612345678&since=2025-01-14T10:00:00Z&until=2025-01-14T10:30:00Z",
                c -> c.path("state").asText().equals("ENDED"));

        assertThat(call.path("outcome").asText()).isEqualTo("ANSWERED");
        assertThat(call.path("direction").asText()).isEqualTo("INBOUND");
        assertThat(call.path("from").asText()).isEqualTo("+33612345678");
        assertThat(call.path("line").asText()).isEqualTo("+33172587948");
        assertThat(call.path("vendorCallId").asText()).isEqualTo("KY7A41C2E09B5D4F6E");
    }

    private static String ctiFile(String step) {
        return switch (step) {
            case "01-setup" -> "01-setup.json";
            case "02-connect" -> "02-connect.json";
            default -> "03-release.json";
        };
    }

    @Test
    void anAcdCallRingingTwoAgentsIsOneCallAnsweredByTheAgentWhoPickedUp() {
        for (String step : List.of("01-setup-agent-a", "02-setup-agent-b", "03-connect-agent-a", "04-release-agent-b",
                "05-release-agent-a")) {
            assertThat(notify("acd-session/" + step + ".query").statusCode()).as(step).isEqualTo(200);
        }

        JsonNode call = awaitSingleCall("vendor=keyyo&since=2025-01-14T14:00:00Z&until=2025-01-14T14:30:00Z",
                c -> c.path("state").asText().equals("ENDED"));

        assertThat(call.path("outcome").asText()).isEqualTo("ANSWERED");
        assertThat(call.path("vendorCallId").asText()).isEqualTo("3f9c2b7e-4d1a-4c8e-9b6f-2a5d7e1c0b94");
        assertThat(call.path("agent").asText()).isNotBlank();
    }

    @Test
    void theGuidesMinimalTemplateWithoutCallrefStillGivesOneCallPerCall() {
        Instant since = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        for (String step : List.of("01-setup", "02-connect", "03-release")) {
            HttpResponse<String> response = post("/webhooks/keyyo/" + token(), "application/x-www-form-urlencoded",
                    fixture("keyyo/minimal-template/" + step + ".query").strip(), Map.of());
            assertThat(response.statusCode()).as(step).isEqualTo(200);
        }

        JsonNode call = awaitSingleCall("vendor=keyyo&number=%2B33612345678&since=" + since,
                c -> c.path("state").asText().equals("ENDED"));

        assertThat(call.path("outcome").asText()).isEqualTo("ANSWERED");
        assertThat(call.path("vendorCallId").isNull()).isTrue();
        JsonNode detail = json(get("/api/v1/calls/" + call.path("id").asText()));
        assertThat(detail.path("events")).hasSize(3);
    }

    @Test
    void aMissedCallSeenOnlyThroughTheCtiRelayIsMissed() {
        for (String step : List.of("01-setup.json", "02-missed.json")) {
            HttpResponse<String> response = post("/webhooks/keyyo-cti/" + token(), "application/json",
                    fixture("keyyo/cti/inbound-missed/" + step), Map.of());
            assertThat(response.statusCode()).as(step).isEqualTo(200);
        }

        JsonNode call = awaitSingleCall("vendor=keyyo&number=0145678901", c -> c.path("state").asText().equals("ENDED"));

        assertThat(call.path("outcome").asText()).isEqualTo("MISSED");
        assertThat(call.path("ringSeconds").asLong()).isEqualTo(25);
    }

    @Test
    void aNotificationWithoutTypeIsA400NamingTheParameter() {
        HttpResponse<String> response = get("/webhooks/keyyo/" + token() + "?account=33172587948&caller=33600000000");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("message").asText()).contains("type");
    }
}
