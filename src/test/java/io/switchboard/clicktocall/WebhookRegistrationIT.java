package io.switchboard.clicktocall;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /api/v1/admin/sources/{id}/register-webhooks: only what is missing is created; Keyyo gets its Manager URL. */
class WebhookRegistrationIT extends VendorApiHubTest {

    private HttpResponse<String> register(String source) {
        return post("/api/v1/admin/sources/" + source + "/register-webhooks", "application/json", "", Map.of());
    }

    private String publicUrl() {
        return "http://localhost:8080";
    }

    @Test
    void keyyoAnswersTheExactUrlForTheManager() {
        HttpResponse<String> response = register("keyyo-demo");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("manual").asBoolean()).isTrue();
        assertThat(body.path("url").asText()).isEqualTo(publicUrl() + "/webhooks/keyyo/" + source("keyyo-demo").token()
                + "?account=_ACCOUNT_&caller=_CALLER_&callee=_CALLEE_&type=_N_TYPE_&callref=_CALLREF_&version=_N_VERSION_"
                + "&dref=_DREF_&drefreplace=_DREF_REPLACE_&sessionid=_SESSION_ID_&isacd=_IS_ACD_"
                + "&redirectingnumber=_REDIRECTING_NUMBER_&tsms=_TSMS_");
    }

    @Test
    void telphinSubscribesOnlyTheMissingEventTypes() {
        String hook = publicUrl() + "/webhooks/telphin/" + source("telphin-demo").token();
        VENDORS.stubFor(WireMock.post(urlEqualTo("/oauth/token"))
                .willReturn(okJson("{\"access_token\":\"tok-reg\",\"expires_in\":3600}")));
        VENDORS.stubFor(WireMock.get(urlEqualTo("/api/ver1.0/extension/175/event/")).willReturn(okJson("""
                [{"url":"%1$s","method":"POST","event_type":"dial-in","id":71},
                 {"url":"%1$s","method":"GET","event_type":"hangup","id":72}]""".formatted(hook))));
        VENDORS.stubFor(WireMock.post(urlEqualTo("/api/ver1.0/extension/175/event/"))
                .willReturn(okJson("{\"url\":\"" + hook + "\",\"method\":\"POST\",\"event_type\":\"answer\",\"id\":80}")));

        HttpResponse<String> response = register("telphin-demo");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode extension = json(response).path("extensions").path("175");
        assertThat(extension.path("kept").toString()).contains("dial-in", "hangup");
        assertThat(VENDORS.findAll(postRequestedFor(urlEqualTo("/api/ver1.0/extension/175/event/")))).hasSize(2);
        VENDORS.verify(postRequestedFor(urlEqualTo("/api/ver1.0/extension/175/event/"))
                .withRequestBody(equalToJson("{\"url\":\"" + hook + "\",\"method\":\"POST\",\"event_type\":\"dial-out\"}")));
        assertThat(response.body()).doesNotContain(source("telphin-demo").token());
    }

    @Test
    void callrSubscribesTheMissingTypesWithTheSourcesHmacSettings() {
        String hook = publicUrl() + "/webhooks/callr";
        VENDORS.stubFor(WireMock.post(urlEqualTo("/json-rpc/v1.1/"))
                .withRequestBody(matchingJsonPath("$.method", equalTo("webhooks.get_list")))
                .willReturn(okJson("""
                        {"id":null,"jsonrpc":"2.0","result":{"has_more":false,"offset":0,"total":1,"hits":[
                          {"hash":"HK1","type":"call.inbound_start","endpoint":"%s","status":"ENABLED","options":{}}]}}"""
                        .formatted(hook))));
        VENDORS.stubFor(WireMock.post(urlEqualTo("/json-rpc/v1.1/"))
                .withRequestBody(matchingJsonPath("$.method", equalTo("webhooks.subscribe")))
                .willReturn(okJson("""
                        {"id":null,"jsonrpc":"2.0","result":{"hash":"HKN","type":"call.outbound_start","endpoint":"%s",
                         "status":"ENABLED","options":{}}}""".formatted(hook))));

        HttpResponse<String> response = register("callr-demo");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("kept").toString()).contains("call.inbound_start");
        assertThat(VENDORS.findAll(postRequestedFor(urlEqualTo("/json-rpc/v1.1/"))
                .withRequestBody(matchingJsonPath("$.method", equalTo("webhooks.subscribe"))))).hasSize(3);
        VENDORS.verify(postRequestedFor(urlEqualTo("/json-rpc/v1.1/"))
                .withRequestBody(matchingJsonPath("$.method", equalTo("webhooks.subscribe")))
                .withRequestBody(matchingJsonPath("$.params[2].hmac_algo", equalTo("SHA256")))
                .withRequestBody(matchingJsonPath("$.params[2].hmac_secret", equalTo(source("callr-demo").callr().hmacSecret()))));
        assertThat(response.body()).doesNotContain(source("callr-demo").callr().hmacSecret());
    }

    @Test
    void udeskCreatesItsSubscriptionOnce() {
        VENDORS.stubFor(WireMock.get(urlPathEqualTo("/ccapi/v2/subscriptions"))
                .willReturn(okJson("{\"ErrCode\":\"000000\",\"ErrDesc\":\"OK\",\"Result\":[]}")));
        VENDORS.stubFor(WireMock.post(urlPathEqualTo("/ccapi/v2/subscriptions")).willReturn(okJson(
                "{\"ErrCode\":\"000000\",\"ErrDesc\":\"OK\",\"Result\":{\"sub_succ\":[{\"name\":\"switchboard\",\"id\":9}],\"sub_fail\":[]}}")));

        HttpResponse<String> response = register("udesk-demo");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).path("created").asBoolean()).isTrue();
        VENDORS.verify(postRequestedFor(urlPathEqualTo("/ccapi/v2/subscriptions"))
                .withRequestBody(matchingJsonPath("$.subscriptions[0].callback", equalTo(publicUrl() + "/webhooks/udesk"))));
    }

    @Test
    void anUnknownSourceIsA404() {
        HttpResponse<String> response = register("nope");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("error").asText()).isEqualTo("source_not_found");
    }
}
