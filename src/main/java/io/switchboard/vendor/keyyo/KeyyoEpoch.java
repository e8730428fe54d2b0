package io.switchboard.vendor.keyyo;

import io.switchboard.ingress.RejectedRequestException;
import java.time.Instant;

/**
 * Keyyo times: {@code _TSMS_} is epoch milliseconds, CTI dates are epoch seconds. Both are read the
 * same way: a value below 10^11 is seconds (as milliseconds it would be before 1973), a larger one
 * milliseconds (as seconds it would be after the year 5000). So a template or relay that sends the
 * other unit still gives the right time.
 */
final class KeyyoEpoch {

    private static final long UNIT_BOUNDARY = 100_000_000_000L;

    private KeyyoEpoch() {}

    /** The instant, or null for a null, blank or zero value; 400 naming {@code field} when malformed. */
    static Instant toInstant(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        int dot = trimmed.indexOf('.');
        String integral = dot >= 0 && trimmed.substring(dot + 1).matches("[0-9]*") ? trimmed.substring(0, dot) : trimmed;
        if (!integral.matches("[0-9]{1,18}")) {
            throw RejectedRequestException.badRequest(
                    "malformed_field", "Field '" + field + "' must be an epoch timestamp, got '" + clip(value) + "'");
        }
        long n = Long.parseLong(integral);
        if (n == 0) {
            return null;
        }
        return n < UNIT_BOUNDARY ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n);
    }

    /** A value short enough to quote in an error message. */
    static String clip(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
