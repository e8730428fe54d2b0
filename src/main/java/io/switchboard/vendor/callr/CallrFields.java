package io.switchboard.vendor.callr;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.ingress.RejectedRequestException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** Reads CALLR field formats out of a webhook's {@code data} object; errors name the field. */
final class CallrFields {

    /** CALLR {@code datetime}: {@code YYYY-MM-DD HH:MM:SS} in UTC (a fraction is tolerated). */
    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss[.SSS]").withResolverStyle(ResolverStyle.STRICT);

    private static final BigInteger UNSIGNED_64_LIMIT = BigInteger.ONE.shiftLeft(64);

    private CallrFields() {}

    /** A scalar field as text; null when absent, JSON null, blank or not a scalar. */
    static String text(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.isValueNode() || node.isNull()) {
            return null;
        }
        String value = node.asText().trim();
        return value.isEmpty() ? null : value;
    }

    /**
     * A CALLR {@code callid} (64-bit unsigned) as its decimal string; null when absent or zero
     * ("no call"). A negative JSON integer is read as the signed form of an unsigned id.
     */
    static String callId(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        BigInteger value = unsigned(node, field);
        return value.signum() == 0 ? null : value.toString();
    }

    private static BigInteger unsigned(JsonNode node, String field) {
        BigInteger value;
        if (node.isIntegralNumber()) {
            value = node.bigIntegerValue();
            if (value.signum() < 0 && node.canConvertToLong()) {
                value = new BigInteger(Long.toUnsignedString(node.longValue()));
            }
        } else if (node.isTextual() && node.asText().trim().matches("[0-9]{1,20}")) {
            value = new BigInteger(node.asText().trim());
        } else {
            throw notUnsigned(field);
        }
        if (value.signum() < 0 || value.compareTo(UNSIGNED_64_LIMIT) >= 0) {
            throw notUnsigned(field);
        }
        return value;
    }

    private static RejectedRequestException notUnsigned(String field) {
        return RejectedRequestException.badRequest(
                "invalid_field", "data." + field + " is not a 64-bit unsigned integer");
    }

    /** An integer field (number or numeric string); null when absent or blank. */
    static Long integer(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        String text = node.isTextual() ? node.asText().trim() : null;
        if (text != null && text.isEmpty()) {
            return null;
        }
        if (text != null && text.matches("-?[0-9]{1,18}")) {
            return Long.parseLong(text);
        }
        throw RejectedRequestException.badRequest("invalid_field", "data." + field + " is not an integer");
    }

    /** A CALLR datetime; null when absent, blank or the zero date {@code 0000-00-00 00:00:00}. */
    static Instant datetime(JsonNode data, String field) {
        String value = text(data, field);
        if (value == null || value.startsWith("0000-00-00")) {
            return null;
        }
        try {
            return LocalDateTime.parse(value, DATETIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw RejectedRequestException.badRequest(
                    "invalid_field", "data." + field + " is not a date (YYYY-MM-DD HH:MM:SS, UTC)");
        }
    }

    /**
     * The envelope's {@code event_at}: ISO-8601 with offset ({@code 2024-04-24T00:42:42.123Z} or
     * {@code +00:00}); the CALLR {@code datetime_ms} form in UTC is tolerated too.
     */
    static Instant eventTime(String value) {
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value, DATETIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw RejectedRequestException.badRequest(
                        "invalid_field", "event_at is not an ISO-8601 time (YYYY-MM-DDTHH:MM:SS.sssZ)");
            }
        }
    }
}
