package io.switchboard.vendor.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A vendor API call that did not succeed: the vendor refused it, answered something unexpected, or
 * could not be reached. The message names the vendor and the operation but never a secret (no
 * passwords, tokens or signed URLs).
 *
 * <p>{@link #retryable()} says whether the same request may succeed later (rate limit, timeout,
 * vendor 5xx). For requests that are not idempotent (placing a call), the caller still decides:
 * a timeout may mean the vendor did act.
 */
public class VendorApiException extends RuntimeException {

    private final String vendor;
    private final int status;
    private final String code;
    private final String vendorMessage;
    private final boolean retryable;
    private final Duration retryAfter;

    /**
     * @param vendor vendor name (keyyo, callr, telphin, udesk)
     * @param status HTTP status, 0 when no HTTP answer was received
     * @param code the vendor's error code, or a short hub code ({@code timeout}, {@code io_error}, …)
     * @param vendorMessage the vendor's own error text, may be null
     * @param retryable whether the same request may succeed later
     * @param retryAfter how long the vendor asked to wait, may be null
     * @param message human-readable summary (no secrets)
     * @param cause underlying exception, may be null
     */
    public VendorApiException(String vendor, int status, String code, String vendorMessage, boolean retryable,
            Duration retryAfter, String message, Throwable cause) {
        super(message, cause);
        this.vendor = Objects.requireNonNull(vendor, "vendor");
        this.status = status;
        this.code = code;
        this.vendorMessage = vendorMessage;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public String vendor() {
        return vendor;
    }

    /** HTTP status of the vendor's answer, 0 when none was received (timeout, connection refused). */
    public int status() {
        return status;
    }

    /** Vendor error code (udesk {@code ErrCode}) or a short hub code; may be null. */
    public String code() {
        return code;
    }

    /** The vendor's own error text (udesk {@code ErrDesc}, Keyyo's body); may be null. */
    public String vendorMessage() {
        return vendorMessage;
    }

    public boolean retryable() {
        return retryable;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
