package io.switchboard.vendor.udesk;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * udesk timestamps: epoch seconds on some pages, epoch milliseconds on others. A value below
 * 10^11 is read as seconds (10^11 seconds is the year 5138, 10^11 milliseconds is 1973).
 */
final class UdeskTime {

    static final long SECONDS_LIMIT = 100_000_000_000L;
    /** udesk runs in China; a wall-clock time without an offset is read at UTC+8. */
    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private static final Pattern EPOCH = Pattern.compile("\\d{1,15}");
    private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter WALL_CLOCK_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx");

    private UdeskTime() {}

    static boolean isEpoch(String value) {
        return value != null && EPOCH.matcher(value).matches();
    }

    static Instant fromEpoch(long value) {
        return value < SECONDS_LIMIT ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value);
    }

    /**
     * Reads epoch seconds or milliseconds, ISO-8601 with an offset, or {@code yyyy-MM-dd HH:mm:ss}
     * with or without a {@code +0800} offset. Null when the text is none of these.
     */
    static Instant parse(String value) {
        if (value == null) {
            return null;
        }
        if (isEpoch(value)) {
            return fromEpoch(Long.parseLong(value));
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notIso) {
            return parseWallClock(value);
        }
    }

    private static Instant parseWallClock(String value) {
        try {
            return OffsetDateTime.parse(value, WALL_CLOCK_OFFSET).toInstant();
        } catch (DateTimeParseException noOffset) {
            try {
                return LocalDateTime.parse(value, WALL_CLOCK).toInstant(CHINA);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
