package io.switchboard.api;

import io.switchboard.ingress.RejectedRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Typed, validated access to a query string; every mistake is a 400 naming the parameter. */
public final class QueryParams {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final Map<String, String> values;

    private QueryParams(Map<String, String> values) {
        this.values = values;
    }

    public static QueryParams parse(String queryString, Set<String> allowed) {
        Map<String, String> values = new LinkedHashMap<>() {
            @Override
            public String put(String name, String value) {
                if (containsKey(name)) { // which of two values is meant is not ours to guess
                    throw RejectedRequestException.badRequest(
                            "repeated_parameter", "Query parameter '" + name + "' is given more than once");
                }
                return super.put(name, value);
            }
        };
        io.switchboard.ingress.InboundRequest.parseQuery(queryString, values);
        for (String name : values.keySet()) {
            if (!allowed.contains(name)) {
                throw RejectedRequestException.badRequest(
                        "unknown_parameter",
                        "Unknown query parameter '" + name + "'; allowed: " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        return new QueryParams(values);
    }

    /**
     * The earliest and latest times the API takes: four-digit ISO-8601 years, which both journals
     * store (PostgreSQL's {@code timestamptz} stops in year 294276, and a query beyond it would fail
     * there instead of being refused here).
     */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** Whether {@code time} is within {@link #EARLIEST} … {@link #LATEST}. */
    public static boolean inRange(Instant time) {
        return !time.isBefore(EARLIEST) && !time.isAfter(LATEST);
    }

    /** Whether {@code text} holds a control character (U+0000–U+001F, U+007F–U+009F): PostgreSQL cannot take NUL. */
    public static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    public String text(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        String stripped = v.strip(); // strip, not trim: a control character stays, to be refused
        if (hasControlCharacter(stripped)) {
            throw RejectedRequestException.badRequest(
                    "invalid_parameter", "Parameter '" + name + "' must not contain control characters");
        }
        return stripped;
    }

    public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RejectedRequestException.badRequest(
                    "invalid_parameter",
                    "Parameter '" + name + "' must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** ISO-8601 instant ({@code 2026-11-23T10:00:00Z}) or date ({@code 2026-11-23}, UTC midnight). */
    public Instant instant(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        Instant time;
        try {
            time = v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw RejectedRequestException.badRequest(
                    "invalid_parameter", "Parameter '" + name + "' must be an ISO-8601 UTC time such as 2026-11-23T10:00:00Z");
        }
        if (!inRange(time)) {
            throw RejectedRequestException.badRequest(
                    "invalid_parameter", "Parameter '" + name + "' must be a time in the years 0001 to 9999");
        }
        return time;
    }

    public int integer(String name, int defaultValue, int min, int max) {
        String v = text(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw RejectedRequestException.badRequest(
                    "invalid_parameter", "Parameter '" + name + "' must be a whole number from " + min + " to " + max);
        }
    }
}
