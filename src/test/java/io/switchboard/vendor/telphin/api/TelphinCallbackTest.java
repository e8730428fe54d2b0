package io.switchboard.vendor.telphin.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.switchboard.vendor.telphin.api.TelphinWireMock.CALLBACK_PATH;
import static io.switchboard.vendor.telphin.api.TelphinWireMock.tokenRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Callback (click-to-call): a client-credentials token, then the documented JSON body with a Bearer token. */
class TelphinCallbackTest {

    @RegisterExtension
    static WireMockExtension wm = TelphinWireMock.server();

    @Test
    void tokenThenCallbackWithTheExactBodies() {
        TelphinWireMock.stubToken(wm, "tok-1", 3600);
        wm.stubFor(post(urlEqualTo(CALLBACK_PATH))
                .withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(okJson("{\"call_api_id\":\"3a1f0c52-7d4e-4a0b-9c1e-2f6d8b7a9e10\",\"call_id\":\"5d0e2f1a0b9c4d3e\"}")));

        TelphinCallbackResult result;
        try (TelphinApiClient client = TelphinWireMock.client(wm)) {
            result = client.callback("175", new TelphinCallbackRequest(
                    "+79817654321", List.of("200"), "Switchboard", "+74951234567", true));
        }

        assertThat(result).isEqualTo(
                new TelphinCallbackResult("3a1f0c52-7d4e-4a0b-9c1e-2f6d8b7a9e10", "5d0e2f1a0b9c4d3e"));
        wm.verify(1, tokenRequests()
                .withHeader("Content-Type", WireMock.containing("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo(TelphinWireMock.TOKEN_FORM)));
        wm.verify(1, postRequestedFor(urlEqualTo(CALLBACK_PATH))
                .withHeader("Authorization", equalTo("Bearer tok-1"))
                .withHeader("Content-Type", WireMock.containing("application/json"))
                .withRequestBody(equalToJson("""
                        {"dst_num":"+79817654321","src_num":["200"],"caller_id_name":"Switchboard",
                         "caller_id_number":"+74951234567","wait_for_pickup":true}""")));
    }

    @Test
    void optionalFieldsAreLeftOutAndNamedExtensionsAreAddressed() {
        TelphinWireMock.stubToken(wm, "tok-1", 3600);
        wm.stubFor(post(urlEqualTo("/api/ver1.0/extension/@200/callback/"))
                .willReturn(okJson("{\"call_api_id\":\"a1\",\"call_id\":\"c1\"}")));

        try (TelphinApiClient client = TelphinWireMock.client(wm)) {
            client.callback("@200", TelphinCallbackRequest.of("+79817654321", "200"));
        }

        wm.verify(1, postRequestedFor(urlEqualTo("/api/ver1.0/extension/@200/callback/"))
                .withRequestBody(equalToJson("{\"dst_num\":\"+79817654321\",\"src_num\":[\"200\"]}")));
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent() {
        try (TelphinApiClient client = TelphinWireMock.client(wm)) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> client.callback("175/../../admin", TelphinCallbackRequest.of("+7981", "200")));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> TelphinCallbackRequest.of("+79817654321"));
        }
        assertThat(wm.getAllServeEvents()).isEmpty();
    }
}
