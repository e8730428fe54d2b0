package io.switchboard.clicktocall;

import com.github.tomakehurst.wiremock.client.WireMock;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Every mistake in a click-to-call request is a 4xx JSON naming it, and nothing reaches a vendor. */
class ClickToCallBadRequestIT extends VendorApiHubTest {

    private void assertRefused(String body, int status, String error, String messagePart) {
        HttpResponse<String> response = clickToCall(body);
        assertThat(response.statusCode()).as(body).isEqualTo(status);
        assertThat(json(response).path("error").asText()).as(body).isEqualTo(error);
        assertThat(json(response).path("message").asText()).as(body).contains(messagePart);
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void badBodiesAre400s() {
        assertRefused("", 400, "missing_body", "JSON");
        assertRefused("{\"line\":", 400, "malformed_json", "JSON");
        assertRefused("[1,2]", 400, "malformed_json", "object");
        assertRefused("{\"number\":\"+33698765432\"}", 400, "missing_field", "line");
        assertRefused("{\"line\":\"33100000001\"}", 400, "missing_field", "number");
        assertRefused("{\"line\":\"33100000001\",\"number\":\"+33698765432\",\"colour\":\"red\"}", 400, "unknown_field", "colour");
        assertRefused("{\"line\":33100000001,\"number\":\"+33698765432\"}", 400, "invalid_field", "line");
    }

    @Test
    void numbersMustBeE164OrAnExtension() {
        assertRefused("{\"line\":\"33100000001\",\"number\":\"0698765432\"}", 400, "invalid_number", "E.164");
        assertRefused("{\"line\":\"33100000001\",\"number\":\"call me\"}", 400, "invalid_number", "E.164");
        assertRefused("{\"line\":\"33100000001\",\"number\":\"+1234\"}", 400, "invalid_number", "E.164");
    }

    @Test
    void unknownLinesAndAgentsAre400s() {
        assertRefused("{\"line\":\"+33999999999\",\"number\":\"+33698765432\"}", 400, "unknown_line", "+33999999999");
        assertRefused("{\"agent\":\"nobody\",\"number\":\"+33698765432\"}", 400, "unknown_agent", "nobody");
        assertRefused("{\"agent\":\"keyyo-agent\",\"line\":\"000*099\",\"number\":\"+33698765432\"}", 400,
                "line_agent_mismatch", "keyyo-agent");
        assertThat(VENDORS.getAllServeEvents()).isEmpty();
    }
}
