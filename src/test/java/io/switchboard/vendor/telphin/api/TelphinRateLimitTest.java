package io.switchboard.vendor.telphin.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.switchboard.vendor.telphin.api.TelphinWireMock.CALLBACK_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 429 and 503 are retryable with Retry-After; other 4xx are rejected with Telphin's message. */
class TelphinRateLimitTest {

    @RegisterExtension
    static WireMockExtension wm = TelphinWireMock.server();

    @BeforeEach
    void token() {
        TelphinWireMock.stubToken(wm, "tok-1", 3600);
    }

    @Test
    void tooManyRequestsIsRetryable() {
        wm.stubFor(post(urlEqualTo(CALLBACK_PATH)).willReturn(aResponse()
                .withStatus(429)
                .withHeader("Retry-After", "7")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Rate limit exceeded\"}")));

        VendorApiException failure = callback();

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(failure.vendorMessage()).contains("Rate limit exceeded");
        assertThat(failure.operation()).isEqualTo("POST " + CALLBACK_PATH);
    }

    @Test
    void serviceUnavailableIsRetryable() {
        wm.stubFor(post(urlEqualTo(CALLBACK_PATH)).willReturn(aResponse()
                .withStatus(503)
                .withHeader("Retry-After", "120")
                .withBody("<html>503 Service Temporarily Unavailable</html>")));

        VendorApiException failure = callback();

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(120));
    }

    @Test
    void badRequestIsRejectedWithTelphinsMessage() {
        wm.stubFor(post(urlEqualTo(CALLBACK_PATH)).willReturn(aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"invalid_param\",\"message\":\"dst_num: invalid phone number\"}")));

        VendorApiException failure = callback();

        assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.vendorCode()).contains("invalid_param");
        assertThat(failure.vendorMessage()).contains("dst_num: invalid phone number");
    }

    private static VendorApiException callback() {
        return assertThrows(VendorApiException.class, () -> {
            try (TelphinApiClient client = TelphinWireMock.client(wm)) {
                client.callback("175", TelphinCallbackRequest.of("+79817654321", "200"));
            }
        });
    }
}
