package io.switchboard.vendor.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts of one vendor API client.
 *
 * @param connectTimeout how long to wait for the TCP/TLS connection (default 5 s)
 * @param readTimeout    how long to wait for the vendor's answer, and between two packets of it (default 15 s);
 *                       a slower vendor gives a retryable {@link VendorApiException.Kind#TIMEOUT}
 */
public record VendorHttpSettings(Duration connectTimeout, Duration readTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(15);

    public VendorHttpSettings {
        connectTimeout = positive(connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout, "connectTimeout");
        readTimeout = positive(readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout, "readTimeout");
    }

    public static VendorHttpSettings defaults() {
        return new VendorHttpSettings(null, null);
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }
}
