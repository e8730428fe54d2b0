package io.switchboard.vendor.telphin;

import io.switchboard.ingress.InboundRequest;
import io.switchboard.ingress.RejectedRequestException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The fields of one Telphin event (query string of a GET, form body of a POST), looked up without
 * regard to case; blank values count as absent.
 */
final class TelphinParams {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    private static final int CLIP = 40;

    private final Map<String, String> values;

    private TelphinParams(Map<String, String> values) {
        this.values = values;
    }

    static TelphinParams of(InboundRequest request) {
        Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.params().forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                String before = values.putIfAbsent(name, value.trim());
                if (before != null && !before.equals(value.trim())) { // CallID=1&callid=2: the same field twice
                    throw InboundRequest.repeated(name);
                }
            }
        });
        return new TelphinParams(values);
    }

    /** Trimmed value, or null when absent or blank. */
    String get(String name) {
        return values.get(name);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String required(String name) {
        String value = get(name);
        if (value == null) {
            throw RejectedRequestException.badRequest("missing_field", "Missing field " + name);
        }
        return value;
    }

    /** A non-negative count of microseconds, or null when absent. */
    Long micros(String name) {
        String value = get(name);
        if (value == null) {
            return null;
        }
        if (!DIGITS.matcher(value).matches()) {
            throw RejectedRequestException.badRequest(
                    "malformed_field", name + " must be a whole number of microseconds, got '" + clip(value) + "'");
        }
        return Long.parseLong(value);
    }

    /** {@code yes}/{@code true}/{@code 1} in any case. */
    boolean isYes(String name) {
        String value = get(name);
        return value != null && (value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("true") || value.equals("1"));
    }

    /** {@code no}/{@code false}/{@code 0} in any case. */
    boolean isNo(String name) {
        String value = get(name);
        return value != null && (value.equalsIgnoreCase("no") || value.equalsIgnoreCase("false") || value.equals("0"));
    }

    static Instant epochMicros(long micros) {
        return Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1_000L);
    }

    /** A vendor value shortened for an error message (values are never secrets here). */
    static String clip(String value) {
        return value.length() <= CLIP ? value : value.substring(0, CLIP) + "…";
    }
}
