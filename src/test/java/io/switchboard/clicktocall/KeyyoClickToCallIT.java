package io.switchboard.clicktocall;

import com.github.tomakehurst.wiremock.client.WireMock;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keyyo click-to-call through the real hub: makecall with Digest auth (answer queued per line),
 * then Keyyo's notifications for that line and number fold into the call the API answered.
 */
class KeyyoClickToCallIT extends VendorApiHubTest {

    private static final String CHALLENGE = "Digest realm=\"keyyo.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\","
            + " qop=\"auth\", algorithm=MD5";

    private static void keyyoAnswers(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder authorised) {
        VENDORS.stubFor(WireMock.get(urlPathEqualTo("/makecall.html")).withHeader("Authorization", absent())
                .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", CHALLENGE)));
        VENDORS.stubFor(WireMock.get(urlPathEqualTo("/makecall.html"))
                .withHeader("Authorization", containing("username=\"" + KEYYO_SIP_LOGIN + "\""))
                .willReturn(authorised));
    }

    @Test
    void theCallIsReadableAtOnceAndKeyyoEventsFoldIntoIt() {
        keyyoAnswers(aResponse().withStatus(200).withBody("OK"));

        HttpResponse<String> started = clickToCall(
                "{\"line\":\"+33100000001\",\"number\":\"+33698765432\",\"displayName\":\"Hotel Dupont\",\"tag\":\"lead-17\"}");

        assertThat(started.statusCode()).isEqualTo(202);
        JsonNode answer = json(started);
        String id = answer.path("id").asText();
        assertThat(answer.path("vendor").asText()).isEqualTo("keyyo");
        assertThat(answer.path("line").asText()).isEqualTo("+33100000001");
        assertThat(answer.path("status").asText()).isEqualTo("/api/v1/calls/" + id);
        VENDORS.verify(getRequestedFor(urlPathEqualTo("/makecall.html"))
                .withQueryParam("ACCOUNT", equalTo(KEYYO_LINE))
                .withQueryParam("CALLEE", equalTo("33698765432"))
                .withQueryParam("CALLEE_NAME", equalTo("Hotel Dupont"))
                .withHeader("Authorization", containing("Digest")));

        JsonNode requested = call(id);
        assertThat(requested.path("state").asText()).isEqualTo("RINGING");
        assertThat(requested.path("direction").asText()).isEqualTo("OUTBOUND");
        assertThat(requested.path("to").asText()).isEqualTo("+33698765432");
        assertThat(requested.path("events").get(0).path("kind").asText()).isEqualTo("ORIGINATE");
        assertThat(requested.path("events").get(0).path("event").path("attributes").path("tag").asText()).isEqualTo("lead-17");

        long now = System.currentTimeMillis();
        String token = source("keyyo-demo").token();
        String common = "account=33100000001&caller=33100000001&callee=33698765432&callref=KYC2C0001&version=1"
                + "&dref=0a1b2c3d4e5f60718293a4b5c6d7e8aa&drefreplace=&sessionid=&isacd=0&redirectingnumber=";
        assertThat(get("/webhooks/keyyo/" + token + "?" + common + "&type=SETUP&tsms=" + (now + 500), Map.of()).statusCode()).isEqualTo(200);
        assertThat(get("/webhooks/keyyo/" + token + "?" + common + "&type=CONNECT&tsms=" + (now + 9000), Map.of()).statusCode()).isEqualTo(200);
        assertThat(get("/webhooks/keyyo/" + token + "?" + common + "&type=RELEASE&tsms=" + (now + 69000), Map.of()).statusCode()).isEqualTo(200);

        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> "ENDED".equals(call(id).path("state").asText()));
        JsonNode ended = call(id);
        assertThat(ended.path("outcome").asText()).isEqualTo("ANSWERED");
        assertThat(ended.path("vendorCallId").asText()).isEqualTo("KYC2C0001");
        assertThat(ended.path("talkSeconds").asLong()).isEqualTo(60);
        assertThat(ended.path("events")).hasSize(4);
        assertThat(json(get("/api/v1/events?vendor=keyyo&callId=" + id)).path("total").asInt()).isEqualTo(4);
    }

    @Test
    void anAgentNameFindsItsLine() {
        keyyoAnswers(aResponse().withStatus(200).withBody("OK"));

        HttpResponse<String> started = clickToCall("{\"agent\":\"keyyo-agent\",\"number\":\"+33698765401\"}");

        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(json(started).path("line").asText()).isEqualTo("+33100000001");
    }

    @Test
    void comeBackLaterIsQueuedAndRetriedNotFailed() {
        VENDORS.stubFor(WireMock.get(urlPathEqualTo("/makecall.html")).withHeader("Authorization", absent())
                .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", CHALLENGE)));
        VENDORS.stubFor(WireMock.get(urlPathEqualTo("/makecall.html")).withHeader("Authorization", containing("Digest"))
                .inScenario("busy line").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("Come Back Later"))
                .willSetStateTo("free"));
        VENDORS.stubFor(WireMock.get(urlPathEqualTo("/makecall.html")).withHeader("Authorization", containing("Digest"))
                .inScenario("busy line").whenScenarioStateIs("free")
                .willReturn(aResponse().withStatus(200).withBody("OK")));

        HttpResponse<String> started = clickToCall("{\"line\":\"33100000001\",\"number\":\"+33698765402\"}");

        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(VENDORS.findAll(getRequestedFor(urlPathEqualTo("/makecall.html")).withHeader("Authorization", containing("Digest"))))
                .hasSize(2);
    }

    @Test
    void aWrongSipPasswordIsA502WithKeyyosAnswerAndNoCall() {
        VENDORS.stubFor(WireMock.get(urlPathEqualTo("/makecall.html"))
                .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", CHALLENGE)));
        long before = json(get("/api/v1/calls?vendor=keyyo&number=%2B33698765403")).path("total").asLong();

        HttpResponse<String> refused = clickToCall("{\"line\":\"33100000001\",\"number\":\"+33698765403\"}");

        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(json(refused).path("error").asText()).isEqualTo("vendor_authentication");
        assertThat(json(refused).path("vendor").asText()).isEqualTo("keyyo");
        assertThat(json(refused).path("message").asText()).contains("keyyo").doesNotContain(KEYYO_SIP_PASSWORD);
        assertThat(json(get("/api/v1/calls?vendor=keyyo&number=%2B33698765403")).path("total").asLong()).isEqualTo(before);
    }

    @Test
    void aSilentKeyyoIsA504() {
        keyyoAnswers(aResponse().withStatus(200).withBody("OK").withFixedDelay(3000));

        HttpResponse<String> late = clickToCall("{\"line\":\"33100000001\",\"number\":\"+33698765404\"}");

        assertThat(late.statusCode()).isEqualTo(504);
        assertThat(json(late).path("error").asText()).isEqualTo("vendor_timeout");
    }

    @Test
    void whenKeyyoNotifiesBeforeItAnswersTheRequestJoinsThatCall() {
        keyyoAnswers(aResponse().withStatus(200).withBody("OK").withFixedDelay(1500));
        java.util.concurrent.CompletableFuture<HttpResponse<String>> pending = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> clickToCall("{\"line\":\"33100000001\",\"number\":\"+33698765499\"}"));
        await().atMost(WAIT).until(() -> !VENDORS.findAll(getRequestedFor(urlPathEqualTo("/makecall.html"))
                .withQueryParam("CALLEE", equalTo("33698765499")).withHeader("Authorization", containing("Digest"))).isEmpty());

        String query = "account=33100000001&caller=33100000001&callee=33698765499&callref=KYC2CRACE&version=1&dref="
                + "&drefreplace=&sessionid=&isacd=0&redirectingnumber=&type=SETUP&tsms=" + System.currentTimeMillis();
        assertThat(get("/webhooks/keyyo/" + source("keyyo-demo").token() + "?" + query, Map.of()).statusCode()).isEqualTo(200);
        JsonNode opened = awaitSingleCall("vendor=keyyo&number=%2B33698765499", c -> true);

        HttpResponse<String> started = pending.join();

        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(json(started).path("id").asText()).isEqualTo(opened.path("id").asText());
        assertThat(json(get("/api/v1/calls?vendor=keyyo&number=%2B33698765499")).path("total").asInt()).isEqualTo(1);
        assertThat(call(opened.path("id").asText()).path("events")).hasSize(2);
    }
}
