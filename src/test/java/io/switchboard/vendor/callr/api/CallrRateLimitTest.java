package io.switchboard.vendor.callr.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.switchboard.vendor.callr.api.CallrWireMock.error;
import static io.switchboard.vendor.callr.api.CallrWireMock.rpcMethod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 429 and 503 are retryable and carry Retry-After; a 500 is not retried blindly. */
class CallrRateLimitTest {

    @RegisterExtension
    static WireMockExtension wm = CallrWireMock.server();

    @Test
    void tooManyRequestsIsRetryableAfterTheGivenSeconds() {
        wm.stubFor(rpcMethod("calls.any").willReturn(aResponse()
                .withStatus(429)
                .withHeader("Retry-After", "30")
                .withHeader("Content-Type", "application/json")
                .withBody(error(1, 429, "Too many requests"))));

        VendorApiException failure = call();

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(failure.vendorMessage()).contains("Too many requests");
        assertThat(failure.getMessage()).contains("HTTP 429", "retry after 30s", "[retryable]");
    }

    @Test
    void unavailableWithAnHttpDateIsRetryable() {
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(2));
        wm.stubFor(rpcMethod("calls.any").willReturn(aResponse()
                .withStatus(503)
                .withHeader("Retry-After", inTwoMinutes)
                .withBody("<html><body>Service Unavailable</body></html>")));

        VendorApiException failure = call();

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).hasValueSatisfying(wait -> assertThat(wait)
                .isBetween(Duration.ofSeconds(100), Duration.ofSeconds(120)));
        assertThat(failure.vendorMessage()).isEmpty();
    }

    @Test
    void internalServerErrorIsNotRetryable() {
        wm.stubFor(rpcMethod("calls.any").willReturn(aResponse().withStatus(500)));

        VendorApiException failure = call();

        assertThat(failure.kind()).isEqualTo(Kind.VENDOR_ERROR);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.retryAfter()).isEmpty();
    }

    private static VendorApiException call() {
        return assertThrows(VendorApiException.class, () -> {
            try (CallrApiClient client = CallrWireMock.client(wm)) {
                client.call("calls.any", List.of());
            }
        });
    }
}
