package io.switchboard.vendor.telphin.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.switchboard.vendor.telphin.api.TelphinWireMock.CALLBACK_PATH;
import static io.switchboard.vendor.telphin.api.TelphinWireMock.tokenAnswer;
import static io.switchboard.vendor.telphin.api.TelphinWireMock.tokenRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A 401 from the API drops the token, fetches a new one and sends the call once more; never more. */
class TelphinTokenRefreshOn401Test {

    @RegisterExtension
    static WireMockExtension wm = TelphinWireMock.server();

    private static final String EXPIRED = "{\"error\":\"invalid_token\",\"error_description\":\"The access token expired\"}";

    @BeforeEach
    void stubTwoTokens() {
        wm.stubFor(post(urlEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs(STARTED)
                .willReturn(okJson(tokenAnswer("tok-1", 3600))).willSetStateTo("second"));
        wm.stubFor(post(urlEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson(tokenAnswer("tok-2", 3600))));
    }

    @Test
    void revokedTokenIsRefreshedAndTheCallRetriedOnce() {
        wm.stubFor(post(urlEqualTo(CALLBACK_PATH)).withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody(EXPIRED)));
        wm.stubFor(post(urlEqualTo(CALLBACK_PATH)).withHeader("Authorization", equalTo("Bearer tok-2"))
                .willReturn(okJson("{\"call_api_id\":\"a2\",\"call_id\":\"c2\"}")));

        TelphinCallbackResult result;
        try (TelphinApiClient client = TelphinWireMock.client(wm)) {
            result = client.callback("175", TelphinCallbackRequest.of("+79817654321", "200"));
        }

        assertThat(result.callApiId()).isEqualTo("a2");
        wm.verify(2, tokenRequests());
        wm.verify(2, postRequestedFor(urlEqualTo(CALLBACK_PATH)));
    }

    @Test
    void secondUnauthorizedIsAnAuthenticationFailure() {
        wm.stubFor(post(urlEqualTo(CALLBACK_PATH))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody(EXPIRED)));

        VendorApiException failure = assertThrows(VendorApiException.class, () -> {
            try (TelphinApiClient client = TelphinWireMock.client(wm)) {
                client.callback("175", TelphinCallbackRequest.of("+79817654321", "200"));
            }
        });

        assertThat(failure.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.vendorCode()).contains("invalid_token");
        assertThat(failure.vendorMessage()).contains("The access token expired");
        assertThat(failure.getMessage()).doesNotContain("tok-1", "tok-2", TelphinWireMock.CLIENT_SECRET);
        wm.verify(2, tokenRequests());
        wm.verify(2, postRequestedFor(urlEqualTo(CALLBACK_PATH)));
    }
}
