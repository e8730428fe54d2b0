package io.switchboard.vendor.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.vendor.api.VendorApiException.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The exception message says who failed, how, and the vendor's words, on one short line. */
class VendorApiExceptionMessageTest {

    @Test
    void fullMessage() {
        VendorApiException failure = VendorApiException.of("telphin", "POST /api/ver1.0/extension/175/callback/", Kind.RATE_LIMITED)
                .httpStatus(429)
                .vendorCode("too_many")
                .vendorMessage("Slow down")
                .retryAfter(Duration.ofSeconds(7))
                .build();

        assertThat(failure.getMessage()).isEqualTo(
                "telphin POST /api/ver1.0/extension/175/callback/ failed: rate limited, HTTP 429, vendor code too_many: "
                        + "Slow down, retry after 7s [retryable]");
    }

    @Test
    void vendorTextIsClippedToOneLine() {
        VendorApiException failure = VendorApiException.of("callr", "apps.create", Kind.REJECTED)
                .vendorMessage("line one\nline two\t" + "x".repeat(400))
                .build();

        assertThat(failure.vendorMessage()).hasValueSatisfying(message -> {
            assertThat(message).startsWith("line one line two ").doesNotContain("\n").hasSize(301).endsWith("…");
        });
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void retryableKinds() {
        assertThat(Kind.values()).filteredOn(Kind::retryable)
                .containsExactlyInAnyOrder(Kind.RATE_LIMITED, Kind.UNAVAILABLE, Kind.TIMEOUT, Kind.UNREACHABLE);
        assertThat(VendorHttp.kindOf(401)).isEqualTo(Kind.AUTHENTICATION);
        assertThat(VendorHttp.kindOf(404)).isEqualTo(Kind.REJECTED);
        assertThat(VendorHttp.kindOf(504)).isEqualTo(Kind.UNAVAILABLE);
        assertThat(VendorHttp.kindOf(501)).isEqualTo(Kind.VENDOR_ERROR);
    }
}
