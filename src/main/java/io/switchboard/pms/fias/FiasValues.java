package io.switchboard.pms.fias;

import io.switchboard.pms.fias.FiasFormatException.Reason;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * The FIAS value formats: dates {@code YYMMDD} (years 2000–2099), times and durations {@code
 * HHMMSS}, amounts without decimal point ({@code 1050} = 10.50 with 2 decimals, optional leading
 * {@code -}), flags {@code Y}/{@code N}. Parsing is strict; errors name the field code.
 */
public final class FiasValues {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HHmmss").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");
    private static final Pattern AMOUNT = Pattern.compile("-?[0-9]{1,18}");
    private static final long MAX_DURATION_SECONDS = 99L * 3600 + 59 * 60 + 59;

    private FiasValues() {}

    public static LocalDate parseDate(String code, String value) {
        requireSixDigits(code, value, "a YYMMDD date");
        try {
            return LocalDate.parse(value, DATE);
        } catch (DateTimeException e) {
            throw bad(code, "is not a valid YYMMDD date: " + value);
        }
    }

    public static String formatDate(LocalDate date) {
        if (date.getYear() < 2000 || date.getYear() > 2099) {
            throw new FiasFormatException(Reason.BAD_VALUE, "FIAS dates cover 2000-2099, got year " + date.getYear());
        }
        return DATE.format(date);
    }

    public static LocalTime parseTime(String code, String value) {
        requireSixDigits(code, value, "a HHMMSS time");
        try {
            return LocalTime.parse(value, TIME);
        } catch (DateTimeException e) {
            throw bad(code, "is not a valid HHMMSS time: " + value);
        }
    }

    /** {@code HHMMSS}; fractions of a second are dropped. */
    public static String formatTime(LocalTime time) {
        return TIME.format(time);
    }

    /** A duration {@code HHMMSS}, minutes and seconds below 60 (hours up to 99). */
    public static Duration parseDuration(String code, String value) {
        requireSixDigits(code, value, "a HHMMSS duration");
        int h = Integer.parseInt(value.substring(0, 2));
        int m = Integer.parseInt(value.substring(2, 4));
        int s = Integer.parseInt(value.substring(4, 6));
        if (m > 59 || s > 59) {
            throw bad(code, "is not a valid HHMMSS duration: " + value);
        }
        return Duration.ofSeconds(h * 3600L + m * 60L + s);
    }

    /** {@code HHMMSS}, whole seconds (a started second is not rounded up: tariffs decide that). */
    public static String formatDuration(Duration duration) {
        long seconds = duration.getSeconds();
        if (duration.isNegative() || seconds > MAX_DURATION_SECONDS) {
            throw new FiasFormatException(
                    Reason.BAD_VALUE, "a FIAS duration covers 0 to 99:59:59, got " + duration);
        }
        return String.format("%02d%02d%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
    }

    /** {@code "1050"} with 2 decimals → 10.50. */
    public static BigDecimal parseAmount(String code, String value, int decimals) {
        checkDecimals(decimals);
        if (!AMOUNT.matcher(value).matches()) {
            throw bad(code, "is not an amount without decimal point (digits, optional leading '-'): " + value);
        }
        return new BigDecimal(new BigInteger(value), decimals);
    }

    /** 10.5 with 2 decimals → {@code "1050"}; refuses amounts with more decimals than the link has. */
    public static String formatAmount(BigDecimal amount, int decimals) {
        checkDecimals(decimals);
        BigDecimal scaled;
        try {
            scaled = amount.setScale(decimals);
        } catch (ArithmeticException e) {
            throw new FiasFormatException(
                    Reason.BAD_VALUE, "amount " + amount + " has more than " + decimals + " decimals");
        }
        String text = scaled.unscaledValue().toString();
        if (!AMOUNT.matcher(text).matches()) {
            throw new FiasFormatException(Reason.BAD_VALUE, "amount " + amount + " is too large");
        }
        return text;
    }

    public static boolean parseFlag(String code, String value) {
        return switch (value) {
            case "Y" -> true;
            case "N" -> false;
            default -> throw bad(code, "is not a Y/N flag: " + value);
        };
    }

    public static String formatFlag(boolean flag) {
        return flag ? "Y" : "N";
    }

    private static void checkDecimals(int decimals) {
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException("decimals must be 0..6, got " + decimals);
        }
    }

    private static void requireSixDigits(String code, String value, String what) {
        if (!SIX_DIGITS.matcher(value).matches()) {
            throw bad(code, "must be " + what + " (6 digits), got " + value.length() + " characters");
        }
    }

    private static FiasFormatException bad(String code, String message) {
        return new FiasFormatException(Reason.BAD_VALUE, "field " + code + " " + message);
    }
}
