package io.switchboard.clicktocall;

import com.github.tomakehurst.wiremock.client.WireMock;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.config.Source;
import io.switchboard.vendor.udesk.UdeskSigner;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** udesk click-to-call through the real hub: originatev2 answers the CallID, the callbacks with that CallId fold into the call. */
class UdeskClickToCallIT extends VendorApiHubTest {

    private static final String ORIGINATE = "/ccapi/v2/originatev2";
    private static final String CALL_ID = "c2c88e57-7a36-40f7-694a-393d4d1a10d3";

    private HttpResponse<String> callback(String fixture) {
        Source udesk = source("udesk-demo");
        String query = UdeskSigner.query(udesk.udesk().appId(), udesk.udesk().secret(), String.valueOf(System.currentTimeMillis()));
        String body = fixture("udesk/outbound-dialout/" + fixture).replace("97688e57-7a36-40f7-694a-393d4d1a10d3", CALL_ID);
        return post("/webhooks/udesk?" + query, "application/json", body, Map.of());
    }

    @Test
    void theCallIdJoinsUdesksCallbacksToTheRequestedCall() {
        VENDORS.stubFor(WireMock.post(urlPathEqualTo(ORIGINATE)).withQueryParam("Sid", equalTo(UDESK_SID))
                .willReturn(okJson("{\"ErrCode\":\"000000\",\"ErrDesc\":\"OK\",\"msg_id\":\"\",\"results\":\"" + CALL_ID
                        + "\",\"data\":null}")));

        HttpResponse<String> started = clickToCall("{\"agent\":\"udesk-agent\",\"number\":\"+8615652692674\"}");

        assertThat(started.statusCode()).isEqualTo(202);
        String id = json(started).path("id").asText();
        VENDORS.verify(postRequestedFor(urlPathEqualTo(ORIGINATE))
                .withRequestBody(matchingJsonPath("$.called", equalTo("15652692674")))
                .withRequestBody(matchingJsonPath("$.agent_id", equalTo("1001")))
                .withRequestBody(matchingJsonPath("$.caller", equalTo("057128091649"))));
        assertThat(call(id).path("vendorCallId").asText()).isEqualTo(CALL_ID);

        for (String step : new String[] {"01-start-dialout.json", "02-agent-ringing.json", "03-agent-answer.json",
                "04-user-ringing.json", "05-user-answer.json", "06-agent-hangup.json", "07-end.json"}) {
            assertThat(callback(step).statusCode()).as(step).isEqualTo(200);
        }

        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> "ENDED".equals(call(id).path("state").asText()));
        JsonNode ended = call(id);
        assertThat(ended.path("outcome").asText()).isEqualTo("ANSWERED");
        assertThat(ended.path("events")).hasSize(8);
    }

    @Test
    void anErrCodeIsA502WithUdesksDescription() {
        VENDORS.stubFor(WireMock.post(urlPathEqualTo(ORIGINATE))
                .willReturn(okJson("{\"ErrCode\":\"100003\",\"ErrDesc\":\"agent not login\",\"results\":\"\"}")));

        HttpResponse<String> refused = clickToCall("{\"agent\":\"udesk-agent\",\"number\":\"+8615652692675\"}");

        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(json(refused).path("vendor").asText()).isEqualTo("udesk");
        assertThat(json(refused).path("message").asText()).contains("agent not login");
        assertThat(refused.body()).doesNotContain(UDESK_AUTH_TOKEN);
    }

    @Test
    void anOverloadedUdeskIsA502MarkedRetryable() {
        VENDORS.stubFor(WireMock.post(urlPathEqualTo(ORIGINATE)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3")));

        HttpResponse<String> refused = clickToCall("{\"agent\":\"udesk-agent\",\"number\":\"+8615652692676\"}");

        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(json(refused).path("retryable").asBoolean()).isTrue();
    }

    @Test
    void aRefusedSignatureIsA502AndASilentUdeskA504() {
        VENDORS.stubFor(WireMock.post(urlPathEqualTo(ORIGINATE)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"ErrCode\":\"000002\",\"ErrDesc\":\"sign error\"}")));

        HttpResponse<String> refused = clickToCall("{\"agent\":\"udesk-agent\",\"number\":\"+8615652692677\"}");

        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(json(refused).path("error").asText()).isEqualTo("vendor_authentication");

        VENDORS.stubFor(WireMock.post(urlPathEqualTo(ORIGINATE)).willReturn(okJson("{\"ErrCode\":\"000000\",\"results\":\"x\"}")
                .withFixedDelay(3000)));

        HttpResponse<String> late = clickToCall("{\"agent\":\"udesk-agent\",\"number\":\"+8615652692678\"}");

        assertThat(late.statusCode()).isEqualTo(504);
    }
}
