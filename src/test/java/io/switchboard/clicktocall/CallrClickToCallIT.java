package io.switchboard.clicktocall;

import com.github.tomakehurst.wiremock.client.WireMock;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.vendor.callr.CallrSigner;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CALLR click-to-call through the real hub: calls.start_2 with the hub's cdr_field, CDR webhooks carrying it fold into the call. */
class CallrClickToCallIT extends VendorApiHubTest {

    private static final String RPC = "/json-rpc/v1.1/";
    private static final String BASIC = "Basic YWNtZV9vcHM6cGE1NS13MHJkLVpxOQ=="; // acme_ops:pa55-w0rd-Zq9

    private static void callrAnswers(String method, String resultJson) {
        VENDORS.stubFor(WireMock.post(urlEqualTo(RPC)).withRequestBody(matchingJsonPath("$.method", equalTo(method)))
                .willReturn(okJson("{\"id\":null,\"jsonrpc\":\"2.0\",\"result\":" + resultJson + "}")));
    }

    private HttpResponse<String> webhook(String fixture, String tag, String callid, String eventId) {
        String body = fixture("callr/outbound-busy/" + fixture)
                .replace("\"c2c4821\"", "\"" + tag + "\"")
                .replace("7004318123456790001", callid)
                .replaceAll("\"event_id\": \"[^\"]+\"", "\"event_id\": \"" + eventId + "\"");
        String secret = source("callr-demo").callr().hmacSecret();
        return post("/webhooks/callr", "application/json", body, Map.of(CallrSigner.HEADER, CallrSigner.sign(body, secret, "SHA256")));
    }

    @Test
    void theCdrFieldTagJoinsCallrsCdrsToTheRequestedCall() {
        callrAnswers("apps.create", "{\"hash\":\"APPC2C01\"}");
        callrAnswers("clicktocall/calls.start_2", "\"C2CHASH01\"");

        HttpResponse<String> started = clickToCall("{\"agent\":\"callr-agent\",\"number\":\"+33698765432\"}");

        assertThat(started.statusCode()).isEqualTo(202);
        String id = json(started).path("id").asText();
        assertThat(json(started).path("vendor").asText()).isEqualTo("callr");
        VENDORS.verify(postRequestedFor(urlEqualTo(RPC))
                .withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(matchingJsonPath("$.method", equalTo("clicktocall/calls.start_2")))
                .withRequestBody(matchingJsonPath("$.params[1][0].number", equalTo("+33100000002")))
                .withRequestBody(matchingJsonPath("$.params[2][0].number", equalTo("+33698765432")))
                .withRequestBody(matchingJsonPath("$.params[3].cdr_field", matching("sb[0-9a-f]{30}"))));
        JsonNode requested = call(id);
        assertThat(requested.path("state").asText()).isEqualTo("RINGING");
        String tag = requested.path("events").get(0).path("event").path("attributes").path("cdr_field").asText();
        assertThat(requested.path("events").get(0).path("event").path("attributes").path("callrCallHash").asText()).isEqualTo("C2CHASH01");

        assertThat(webhook("01-outbound-start.json", tag, "7004318123456799101", "evt_c2c_start_1").statusCode()).isEqualTo(200);
        assertThat(webhook("02-outbound-hangup.json", tag, "7004318123456799101", "evt_c2c_hangup_1").statusCode()).isEqualTo(200);

        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> "ENDED".equals(call(id).path("state").asText()));
        JsonNode ended = call(id);
        assertThat(ended.path("outcome").asText()).isEqualTo("BUSY");
        assertThat(ended.path("vendorCallId").asText()).isEqualTo("7004318123456799101");
        assertThat(ended.path("events")).hasSize(3);
    }

    @Test
    void theClickToCallAppIsCreatedOnceAndRemembered() {
        callrAnswers("apps.create", "{\"hash\":\"APPC2C01\"}");
        callrAnswers("clicktocall/calls.start_2", "\"C2CHASH02\"");

        assertThat(clickToCall("{\"agent\":\"callr-agent\",\"number\":\"+33698765433\"}").statusCode()).isEqualTo(202);
        assertThat(clickToCall("{\"agent\":\"callr-agent\",\"number\":\"+33698765434\"}").statusCode()).isEqualTo(202);

        assertThat(VENDORS.findAll(postRequestedFor(urlEqualTo(RPC))
                .withRequestBody(matchingJsonPath("$.method", equalTo("apps.create"))))).hasSizeLessThanOrEqualTo(1);
        assertThat(VENDORS.findAll(postRequestedFor(urlEqualTo(RPC))
                .withRequestBody(matchingJsonPath("$.params[0]", equalTo("APPC2C01"))))).hasSize(2);
    }

    @Test
    void callrRateLimitingIsA502WithRetryAfter() {
        callrAnswers("apps.create", "{\"hash\":\"APPC2C01\"}");
        VENDORS.stubFor(WireMock.post(urlEqualTo(RPC)).withRequestBody(matchingJsonPath("$.method", equalTo("clicktocall/calls.start_2")))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7").withBody("Too Many Requests")));

        HttpResponse<String> limited = clickToCall("{\"agent\":\"callr-agent\",\"number\":\"+33698765435\"}");

        assertThat(limited.statusCode()).isEqualTo(502);
        assertThat(json(limited).path("error").asText()).isEqualTo("vendor_rate_limited");
        assertThat(json(limited).path("retryable").asBoolean()).isTrue();
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("7");
    }

    @Test
    void aJsonRpcAuthErrorIsA502WithCallrsMessage() {
        VENDORS.stubFor(WireMock.post(urlEqualTo(RPC)).willReturn(okJson(
                "{\"id\":null,\"jsonrpc\":\"2.0\",\"error\":{\"code\":22,\"message\":\"AUTH_FAILED\",\"data\":null}}")));

        HttpResponse<String> refused = clickToCall("{\"agent\":\"callr-agent\",\"number\":\"+33698765436\"}");

        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(json(refused).path("vendor").asText()).isEqualTo("callr");
        assertThat(json(refused).path("message").asText()).contains("AUTH_FAILED");
        assertThat(refused.body()).doesNotContain(CALLR_PASSWORD);
    }

    @Test
    void aSilentCallrIsA504() {
        callrAnswers("apps.create", "{\"hash\":\"APPC2C01\"}");
        VENDORS.stubFor(WireMock.post(urlEqualTo(RPC))
                .withRequestBody(matchingJsonPath("$.method", equalTo("clicktocall/calls.start_2")))
                .willReturn(okJson("{\"id\":null,\"jsonrpc\":\"2.0\",\"result\":\"LATE\"}").withFixedDelay(3000)));

        HttpResponse<String> late = clickToCall("{\"agent\":\"callr-agent\",\"number\":\"+33698765437\"}");

        assertThat(late.statusCode()).isEqualTo(504);
        assertThat(json(late).path("error").asText()).isEqualTo("vendor_timeout");
        assertThat(json(late).path("vendor").asText()).isEqualTo("callr");
    }
}
