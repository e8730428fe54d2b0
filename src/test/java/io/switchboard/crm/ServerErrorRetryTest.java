package io.switchboard.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerErrorRetryTest {

    private static VendorApiException failure(Kind kind, int status) {
        return VendorApiException.of("zoho", "POST /crm/v8/Calls", kind).httpStatus(status).vendorCode("INTERNAL_ERROR")
                .vendorMessage("Internal Server Error").build();
    }

    @Test
    void a500BeforeTheLastAllowedAttemptBecomesRetryableWithTheCrmMessage() {
        VendorApiException out = ServerErrorRetry.apply(failure(Kind.VENDOR_ERROR, 500), 2, 5);

        assertThat(out.retryable()).isTrue();
        assertThat(out.httpStatus()).isEqualTo(500);
        assertThat(out.vendorCode()).contains("INTERNAL_ERROR");
        assertThat(out.getMessage()).contains("HTTP 500", "Internal Server Error", "attempt 2 of 5");
    }

    @Test
    void theLastAllowedAttemptKeepsTheFailureNotRetryable() {
        VendorApiException in = failure(Kind.VENDOR_ERROR, 500);

        assertThat(ServerErrorRetry.apply(in, 5, 5)).isSameAs(in);
        assertThat(ServerErrorRetry.apply(in, 1, 1)).isSameAs(in);
    }

    @Test
    void notImplementedAndOtherKindsAreLeftAlone() {
        VendorApiException notImplemented = failure(Kind.VENDOR_ERROR, 501);
        VendorApiException rejected = failure(Kind.REJECTED, 400);
        VendorApiException unavailable = VendorApiException.of("hubspot", "POST /x", Kind.UNAVAILABLE).httpStatus(503)
                .retryAfter(Duration.ofSeconds(3)).build();

        assertThat(ServerErrorRetry.apply(notImplemented, 1, 5)).isSameAs(notImplemented);
        assertThat(ServerErrorRetry.apply(rejected, 1, 5)).isSameAs(rejected);
        assertThat(ServerErrorRetry.apply(unavailable, 1, 5)).isSameAs(unavailable);
    }
}
