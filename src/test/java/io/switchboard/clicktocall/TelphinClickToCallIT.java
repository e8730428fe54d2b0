package io.switchboard.clicktocall;

import com.github.tomakehurst.wiremock.client.WireMock;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Telphin click-to-call through the real hub: OAuth2 token, callback, then the callback legs' events fold into the call. */
class TelphinClickToCallIT extends VendorApiHubTest {

    private static final String CALLBACK = "/api/ver1.0/extension/175/callback/";

    private static void token() {
        VENDORS.stubFor(WireMock.post(urlEqualTo("/oauth/token"))
                .willReturn(okJson("{\"access_token\":\"tok-c2c\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
    }

    private HttpResponse<String> event(String fixture, String callId, String callApiId) {
        String body = fixture("telphin/callback/" + fixture)
                .replace("a7d0c8e43b9d4e6f5c2b1a8d7e4f3c07", callId)
                .replace("cb-3593300-4d0b8e9f7a6c4b5d", callApiId);
        return post("/webhooks/telphin/" + source("telphin-demo").token(), "application/x-www-form-urlencoded", body, Map.of());
    }

    @Test
    void callIdAndCallApiIdJoinTelphinsEventsToTheRequestedCall() {
        token();
        VENDORS.stubFor(WireMock.post(urlEqualTo(CALLBACK)).withHeader("Authorization", WireMock.matching("Bearer tok-.+"))
                .willReturn(okJson("{\"call_api_id\":\"3593300-c2c00001\",\"call_id\":\"c2c0000000000000000000000000001\"}")));

        HttpResponse<String> started = clickToCall(
                "{\"line\":\"000*099\",\"number\":\"+79031112233\",\"displayName\":\"Switchboard\"}");

        assertThat(started.statusCode()).isEqualTo(202);
        String id = json(started).path("id").asText();
        VENDORS.verify(postRequestedFor(urlEqualTo(CALLBACK)).withRequestBody(equalToJson(
                "{\"dst_num\":\"+79031112233\",\"src_num\":[\"099\"],\"caller_id_name\":\"Switchboard\"}")));
        assertThat(call(id).path("vendorCallId").asText()).isEqualTo("c2c0000000000000000000000000001");

        assertThat(event("01-dial-out.form", "c2c0000000000000000000000000001", "cb-3593300-c2c00001").statusCode()).isEqualTo(200);
        assertThat(event("02-answer.form", "c2c0000000000000000000000000001", "cb-3593300-c2c00001").statusCode()).isEqualTo(200);
        assertThat(event("03-hangup.form", "c2c0000000000000000000000000001", "cb-3593300-c2c00001").statusCode()).isEqualTo(200);

        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> "ENDED".equals(call(id).path("state").asText()));
        JsonNode ended = call(id);
        assertThat(ended.path("outcome").asText()).isEqualTo("ANSWERED");
        assertThat(ended.path("events")).hasSize(4);
    }

    @Test
    void theCallApiIdAloneIsEnoughWhenTelphinGivesNoCallId() {
        token();
        VENDORS.stubFor(WireMock.post(urlEqualTo(CALLBACK)).willReturn(okJson("{\"call_api_id\":\"3593300-c2c00002\"}")));

        String id = json(clickToCall("{\"agent\":\"telphin-agent\",\"number\":\"+79031112234\"}")).path("id").asText();
        assertThat(event("01-dial-out.form", "c2c0000000000000000000000000002", "cb-3593300-c2c00002").statusCode()).isEqualTo(200);

        await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> "c2c0000000000000000000000000002".equals(call(id).path("vendorCallId").asText()));
        assertThat(call(id).path("events")).hasSize(2);
    }

    @Test
    void aRefusedClientSecretIsA502NamingTelphin() {
        // A token cached by an earlier test is refused by the API, then the token endpoint refuses the secret.
        VENDORS.stubFor(WireMock.post(urlEqualTo(CALLBACK)).willReturn(aResponse().withStatus(401)));
        VENDORS.stubFor(WireMock.post(urlEqualTo("/oauth/token")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}")));

        HttpResponse<String> refused = clickToCall("{\"line\":\"000*099\",\"number\":\"+79031112235\"}");

        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(json(refused).path("error").asText()).isEqualTo("vendor_authentication");
        assertThat(json(refused).path("vendor").asText()).isEqualTo("telphin");
        assertThat(refused.body()).doesNotContain(TELPHIN_CLIENT_SECRET);
    }

    @Test
    void aSlowTelphinIsA504() {
        token();
        VENDORS.stubFor(WireMock.post(urlEqualTo(CALLBACK)).willReturn(okJson("{\"call_api_id\":\"x\"}").withFixedDelay(3000)));

        HttpResponse<String> late = clickToCall("{\"line\":\"000*099\",\"number\":\"+79031112236\"}");

        assertThat(late.statusCode()).isEqualTo(504);
        assertThat(json(late).path("error").asText()).isEqualTo("vendor_timeout");
    }

    @Test
    void telphinRateLimitingIsA502WithRetryAfter() {
        token();
        VENDORS.stubFor(WireMock.post(urlEqualTo(CALLBACK)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "12")));

        HttpResponse<String> limited = clickToCall("{\"line\":\"000*099\",\"number\":\"+79031112237\"}");

        assertThat(limited.statusCode()).isEqualTo(502);
        assertThat(json(limited).path("error").asText()).isEqualTo("vendor_rate_limited");
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("12");
    }
}
