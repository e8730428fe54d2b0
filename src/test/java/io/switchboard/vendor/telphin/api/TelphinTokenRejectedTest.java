package io.switchboard.vendor.telphin.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.switchboard.vendor.telphin.api.TelphinWireMock.CALLBACK_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Wrong client credentials (OAuth2 400 invalid_client) fail as AUTHENTICATION before any API call. */
class TelphinTokenRejectedTest {

    @RegisterExtension
    static WireMockExtension wm = TelphinWireMock.server();

    @Test
    void invalidClientIsAnAuthenticationFailureWithoutTheSecret() {
        wm.stubFor(post(urlEqualTo("/oauth/token")).willReturn(aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed.\"}")));

        VendorApiException failure = assertThrows(VendorApiException.class, () -> {
            try (TelphinApiClient client = TelphinWireMock.client(wm)) {
                client.callback("175", TelphinCallbackRequest.of("+79817654321", "200"));
            }
        });

        assertThat(failure.vendor()).isEqualTo("telphin");
        assertThat(failure.operation()).isEqualTo("POST /oauth/token");
        assertThat(failure.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.httpStatus()).isEqualTo(400);
        assertThat(failure.vendorCode()).contains("invalid_client");
        assertThat(failure.vendorMessage()).contains("Client authentication failed.");
        assertThat(failure.toString()).doesNotContain(TelphinWireMock.CLIENT_SECRET, "client_secret");
        wm.verify(0, postRequestedFor(urlEqualTo(CALLBACK_PATH)));
    }

    @Test
    void configNeverShowsTheSecret() {
        assertThat(TelphinApiConfig.of(TelphinWireMock.CLIENT_ID, TelphinWireMock.CLIENT_SECRET).toString())
                .contains(TelphinWireMock.CLIENT_ID)
                .doesNotContain(TelphinWireMock.CLIENT_SECRET);
    }
}
