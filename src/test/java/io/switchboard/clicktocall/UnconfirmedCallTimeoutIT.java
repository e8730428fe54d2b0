package io.switchboard.clicktocall;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Through the real hub: Telphin accepts a click-to-call but never sends an event; once
 * {@code switchboard.click-to-call.unconfirmed-timeout} passed the call is ENDED / FAILED with the
 * hub's {@code hub:originate-timeout} event in its journal.
 */
@TestPropertySource(properties = {
        "switchboard.click-to-call.unconfirmed-timeout=1s",
        "switchboard.click-to-call.timeout-check-interval=200ms"})
class UnconfirmedCallTimeoutIT extends VendorApiHubTest {

    @Test
    void aClickToCallTheVendorNeverConfirmsEndsFailedWithTheReason() {
        VENDORS.stubFor(WireMock.post(urlEqualTo("/oauth/token"))
                .willReturn(okJson("{\"access_token\":\"tok-timeout\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        VENDORS.stubFor(WireMock.post(urlEqualTo("/api/ver1.0/extension/175/callback/"))
                .willReturn(okJson("{\"call_api_id\":\"3593300-t1meout01\",\"call_id\":\"c2c00000000000000000000000t1meout\"}")));

        HttpResponse<String> started = clickToCall("{\"line\":\"000*099\",\"number\":\"+79031112299\"}");
        assertThat(started.statusCode()).isEqualTo(202);
        String id = json(started).path("id").asText();

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> "ENDED".equals(call(id).path("state").asText()));
        JsonNode ended = call(id);
        assertThat(ended.path("outcome").asText()).isEqualTo("FAILED");
        assertThat(ended.path("events")).hasSize(2);
        JsonNode why = ended.path("events").get(1);
        assertThat(why.path("vendorEventType").asText()).isEqualTo(UnconfirmedCallTimeout.TIMEOUT_TYPE);
        assertThat(why.path("kind").asText()).isEqualTo("HANGUP");
        assertThat(why.path("event").path("attributes").path("reason").asText()).contains("no event from telphin");
    }
}
