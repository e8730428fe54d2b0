package io.switchboard.clicktocall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.HubIntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo sources without vendor credentials (no environment variables set): registering their
 * webhooks is a 409 of its own, naming the settings it needs, not click-to-call's "cannot place calls".
 */
class WebhookRegistrationNotConfiguredIT extends HubIntegrationTest {

    private HttpResponse<String> register(String source) {
        return post("/api/v1/admin/sources/" + source + "/register-webhooks", "application/json", "", Map.of());
    }

    @Test
    void callrWithoutApiCredentialsIsA409NamingThem() {
        JsonNode error = notConfigured(register("callr-demo"));

        assertThat(error.path("message").asText())
                .isEqualTo("Source 'callr-demo' cannot register its webhooks: set api.login and api.password, or api.api-key"
                        + " in config/switchboard.yaml");
    }

    @Test
    void telphinAndUdeskWithoutApiCredentialsAre409sToo() {
        assertThat(notConfigured(register("telphin-demo")).path("message").asText())
                .startsWith("Source 'telphin-demo' cannot register its webhooks: set api.client-id and api.client-secret");
        assertThat(notConfigured(register("udesk-demo")).path("message").asText())
                .startsWith("Source 'udesk-demo' cannot register its webhooks: set ");
    }

    private static JsonNode notConfigured(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = json(response);
        assertThat(body.path("error").asText()).isEqualTo("webhook_registration_not_configured");
        assertThat(body.path("message").asText()).doesNotContain("cannot place calls");
        return body;
    }
}
