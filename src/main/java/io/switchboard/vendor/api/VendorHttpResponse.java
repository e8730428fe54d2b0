package io.switchboard.vendor.api;

import java.time.Duration;
import java.util.Optional;

/**
 * A vendor's whole HTTP answer, read into memory (API answers are small; at most 1 MB is read).
 *
 * @param status     HTTP status code
 * @param body       body text, empty when there was none
 * @param retryAfter the {@code Retry-After} wait, when the vendor sent one
 */
public record VendorHttpResponse(int status, String body, Optional<Duration> retryAfter) {

    public boolean successful() {
        return status >= 200 && status < 300;
    }
}
