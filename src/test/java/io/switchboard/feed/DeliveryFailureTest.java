package io.switchboard.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;

/** How the exception a route ends with becomes "retry (after …)" or "dead". */
class DeliveryFailureTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void aVendorApiExceptionDeepInTheCauseChainDecides() {
        VendorApiException limited = VendorApiException.of("hubspot", "POST /crm/v3/objects/calls", Kind.RATE_LIMITED)
                .httpStatus(429)
                .retryAfter(Duration.ofSeconds(10))
                .build();

        DeliveryFailure f = DeliveryFailure.of(new RuntimeCamelException(new IllegalStateException(limited)), null, CLOCK);

        assertThat(f.retryable()).isTrue();
        assertThat(f.retryAfter()).contains(Duration.ofSeconds(10));
        assertThat(f.description()).startsWith("hubspot POST /crm/v3/objects/calls failed: rate limited, HTTP 429");
    }

    @Test
    void aRejectedVendorCallIsNotRetryable() {
        VendorApiException rejected = VendorApiException.of("pipedrive", "POST /v1/callLogs", Kind.REJECTED)
                .httpStatus(400)
                .vendorMessage("outcome is required")
                .build();

        DeliveryFailure f = DeliveryFailure.of(rejected, null, CLOCK);

        assertThat(f.retryable()).isFalse();
        assertThat(f.retryAfter()).isEmpty();
        assertThat(f.description()).contains("outcome is required");
    }

    @Test
    void camelHttp429WithRetryAfterSecondsIsRetriedAfterThem() {
        HttpOperationFailedException e = new HttpOperationFailedException(
                "https://crm.example.com/hook?api_token=SECRET", 429, "Too Many Requests", null,
                Map.of("retry-after", "7"), "slow down");

        DeliveryFailure f = DeliveryFailure.of(e, null, CLOCK);

        assertThat(f.retryable()).isTrue();
        assertThat(f.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(f.description()).isEqualTo("HTTP 429 from https://crm.example.com/hook: slow down");
    }

    @Test
    void camelHttp503WithAnHttpDateWaitsUntilThen() {
        HttpOperationFailedException e = new HttpOperationFailedException("http://crm/hook", 503, "Unavailable", null,
                Map.of("Retry-After", "Mon, 23 Nov 2026 10:02:00 GMT"), "");

        assertThat(DeliveryFailure.of(e, null, CLOCK).retryAfter()).contains(Duration.ofMinutes(2));
    }

    @Test
    void camelHttpClientErrorsAreNotRetryableExceptTimeoutsAndThrottling() {
        assertThat(DeliveryFailure.of(http(400), null, CLOCK).retryable()).isFalse();
        assertThat(DeliveryFailure.of(http(404), null, CLOCK).retryable()).isFalse();
        assertThat(DeliveryFailure.of(http(408), null, CLOCK).retryable()).isTrue();
        assertThat(DeliveryFailure.of(http(500), null, CLOCK).retryable()).isTrue();
        assertThat(DeliveryFailure.of(http(502), null, CLOCK).retryable()).isTrue();
    }

    @Test
    void aRouteCanSignalRetryAfterWithAHeader() {
        DeliveryFailure f = DeliveryFailure.of(new IllegalStateException("CRM busy"), "120", CLOCK);

        assertThat(f.retryable()).isTrue();
        assertThat(f.retryAfter()).contains(Duration.ofSeconds(120));
        assertThat(DeliveryFailure.of(new IllegalStateException("x"), Duration.ofMillis(1500), CLOCK).retryAfter())
                .contains(Duration.ofMillis(1500));
    }

    @Test
    void anyOtherExceptionIsRetryableWithoutAWait() {
        DeliveryFailure f = DeliveryFailure.of(new IllegalStateException("CRM down"), null, CLOCK);

        assertThat(f.retryable()).isTrue();
        assertThat(f.retryAfter()).isEqualTo(Optional.empty());
        assertThat(f.description()).isEqualTo("java.lang.IllegalStateException: CRM down");
    }

    private static HttpOperationFailedException http(int status) {
        return new HttpOperationFailedException("http://crm/hook", status, "x", null, Map.of(), null);
    }
}
