package io.switchboard.vendor.telphin.api;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.switchboard.vendor.telphin.api.TelphinWireMock.CALLBACK_PATH;
import static io.switchboard.vendor.telphin.api.TelphinWireMock.tokenAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Telphin slower than the read timeout (API or token endpoint) gives a retryable TIMEOUT. */
class TelphinTimeoutTest {

    @RegisterExtension
    static WireMockExtension wm = TelphinWireMock.server();

    @Test
    void slowCallbackIsARetryableTimeout() {
        TelphinWireMock.stubToken(wm, "tok-1", 3600);
        wm.stubFor(post(urlEqualTo(CALLBACK_PATH))
                .willReturn(okJson("{\"call_api_id\":\"a1\",\"call_id\":\"c1\"}").withFixedDelay(2_000)));

        VendorApiException failure = callback();

        assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.httpStatus()).isZero();
        assertThat(failure.operation()).isEqualTo("POST " + CALLBACK_PATH);
        assertThat(failure.getMessage()).contains("read timeout 250 ms").doesNotContain("tok-1");
    }

    @Test
    void slowTokenEndpointIsARetryableTimeout() {
        wm.stubFor(post(urlEqualTo("/oauth/token")).willReturn(okJson(tokenAnswer("tok-1", 3600)).withFixedDelay(2_000)));

        VendorApiException failure = callback();

        assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(failure.operation()).isEqualTo("POST /oauth/token");
        assertThat(failure.getMessage()).doesNotContain(TelphinWireMock.CLIENT_SECRET);
    }

    private static VendorApiException callback() {
        return assertThrows(VendorApiException.class, () -> {
            try (TelphinApiClient client = TelphinWireMock.client(wm, Clock.systemUTC(), Duration.ofMillis(250))) {
                client.callback("175", TelphinCallbackRequest.of("+79817654321", "200"));
            }
        });
    }
}
