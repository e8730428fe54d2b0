package io.switchboard.vendor.api;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A vendor API call that did not give a usable answer: the vendor refused it (HTTP or JSON-RPC
 * error), asked to slow down, was unavailable or too slow, or answered something unreadable.
 *
 * <p>Carries what the hub needs to answer its own caller (typically a 502 with the vendor's
 * message): the vendor id, the operation, the HTTP status (0 when no response arrived), the
 * vendor's own error code and message, whether trying again later can help, and how long the
 * vendor asked to wait. The message never contains credentials, tokens or request headers.
 */
public final class VendorApiException extends RuntimeException {

    /** Why the call failed. Decides {@link #retryable()}. */
    public enum Kind {
        /** HTTP 401/403 or a rejected token request: the configured credentials are wrong or lack rights. */
        AUTHENTICATION(false),
        /** HTTP 429: the vendor throttles us; see {@link #retryAfter()}. */
        RATE_LIMITED(true),
        /** HTTP 502/503/504: the vendor (or its gateway) is temporarily down; see {@link #retryAfter()}. */
        UNAVAILABLE(true),
        /** No answer within the connect or read timeout. The request may still have been executed. */
        TIMEOUT(true),
        /** The vendor could not be reached at all (connection refused, DNS, TLS, reset). */
        UNREACHABLE(true),
        /** The vendor refused the request (other 4xx, or a JSON-RPC error): fix the request, do not retry. */
        REJECTED(false),
        /** HTTP 500 or another 5xx: the vendor failed; the request may have been executed, so no blind retry. */
        VENDOR_ERROR(false),
        /** The vendor answered 2xx but the body is not what its documentation describes. */
        MALFORMED_RESPONSE(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private static final int MAX_VENDOR_TEXT = 300;

    private final String vendor;
    private final String operation;
    private final Kind kind;
    private final int httpStatus;
    private final String vendorCode;
    private final String vendorMessage;
    private final Duration retryAfter;

    private VendorApiException(Builder builder, Throwable cause) {
        super(describe(builder), cause);
        this.vendor = builder.vendor;
        this.operation = builder.operation;
        this.kind = builder.kind;
        this.httpStatus = builder.httpStatus;
        this.vendorCode = builder.vendorCode;
        this.vendorMessage = builder.vendorMessage;
        this.retryAfter = builder.retryAfter;
    }

    /** Starts an exception for {@code vendor} (e.g. {@code callr}) and {@code operation} (e.g. {@code apps.create}). */
    public static Builder of(String vendor, String operation, Kind kind) {
        return new Builder(vendor, operation, kind);
    }

    /** Vendor id, e.g. {@code callr}, {@code telphin}. */
    public String vendor() {
        return vendor;
    }

    /** The operation that failed: a JSON-RPC method or {@code METHOD /path}. */
    public String operation() {
        return operation;
    }

    public Kind kind() {
        return kind;
    }

    /** True when the same request may succeed later (rate limit, unavailable, timeout, unreachable). */
    public boolean retryable() {
        return kind.retryable();
    }

    /** HTTP status of the vendor's answer, 0 when no answer arrived (timeout, unreachable). */
    public int httpStatus() {
        return httpStatus;
    }

    /** The vendor's own error code (JSON-RPC {@code error.code}, OAuth {@code error}, ...). */
    public Optional<String> vendorCode() {
        return Optional.ofNullable(vendorCode);
    }

    /** The vendor's own error message, shortened to 300 characters. */
    public Optional<String> vendorMessage() {
        return Optional.ofNullable(vendorMessage);
    }

    /** How long the vendor asked us to wait ({@code Retry-After}), when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    private static String describe(Builder b) {
        StringBuilder text = new StringBuilder()
                .append(b.vendor)
                .append(' ')
                .append(b.operation)
                .append(" failed: ")
                .append(b.kind.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        if (b.httpStatus > 0) {
            text.append(", HTTP ").append(b.httpStatus);
        }
        if (b.vendorCode != null) {
            text.append(", vendor code ").append(b.vendorCode);
        }
        if (b.vendorMessage != null) {
            text.append(": ").append(b.vendorMessage);
        }
        if (b.detail != null) {
            text.append(" (").append(b.detail).append(')');
        }
        if (b.retryAfter != null) {
            text.append(", retry after ").append(b.retryAfter.toSeconds()).append('s');
        }
        if (b.kind.retryable()) {
            text.append(" [retryable]");
        }
        return text.toString();
    }

    /** Keeps vendor text short and on one line; vendor text is data, not trusted formatting. */
    static String clip(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String oneLine = text.strip().replaceAll("[\\p{Cntrl}]+", " ");
        return oneLine.length() <= MAX_VENDOR_TEXT ? oneLine : oneLine.substring(0, MAX_VENDOR_TEXT) + "…";
    }

    /** Fills the optional parts; {@link #build()} makes the exception. */
    public static final class Builder {
        private final String vendor;
        private final String operation;
        private Kind kind;
        private int httpStatus;
        private String vendorCode;
        private String vendorMessage;
        private Duration retryAfter;
        private String detail;
        private Throwable cause;

        private Builder(String vendor, String operation, Kind kind) {
            this.vendor = Objects.requireNonNull(vendor, "vendor");
            this.operation = Objects.requireNonNull(operation, "operation");
            this.kind = Objects.requireNonNull(kind, "kind");
        }

        /** Overrides the kind, e.g. a 400 from an OAuth2 token endpoint is an authentication failure. */
        public Builder kind(Kind newKind) {
            this.kind = Objects.requireNonNull(newKind, "kind");
            return this;
        }

        public Builder httpStatus(int status) {
            this.httpStatus = status;
            return this;
        }

        public Builder vendorCode(String code) {
            this.vendorCode = clip(code);
            return this;
        }

        public Builder vendorMessage(String message) {
            this.vendorMessage = clip(message);
            return this;
        }

        public Builder retryAfter(Duration wait) {
            this.retryAfter = wait;
            return this;
        }

        /** Our own explanation (never vendor secrets), e.g. "read timeout 2000 ms" or "no result". */
        public Builder detail(String text) {
            this.detail = text;
            return this;
        }

        public Builder cause(Throwable throwable) {
            this.cause = throwable;
            return this;
        }

        public VendorApiException build() {
            return new VendorApiException(this, cause);
        }
    }
}
