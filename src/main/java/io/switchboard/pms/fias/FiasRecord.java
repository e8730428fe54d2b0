package io.switchboard.pms.fias;

import io.switchboard.pms.fias.FiasFormatException.Reason;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One FIAS record, immutable: a 2-letter type ({@code PS}) and its fields in wire order, for
 * example {@code PS|RN2781|PTC|TA1050|DA250115|TI123545|P#1729|DD004989920920|}.
 *
 * <p>Fields keep their order and every occurrence, so {@link #toWire()} gives back the exact text
 * that was parsed. Unknown field codes are kept. A code that appears twice is kept twice: {@link
 * #value(String)} returns the first occurrence, {@link #values(String)} all of them.
 *
 * <p>{@link #toString()} is the wire text, which may contain guest names: log with care.
 */
public final class FiasRecord {

    private final String type;
    private final List<FiasField> fields;

    private FiasRecord(String type, List<FiasField> fields) {
        checkType(type);
        this.type = type;
        this.fields = List.copyOf(fields);
    }

    public static FiasRecord of(String type, List<FiasField> fields) {
        return new FiasRecord(type, fields);
    }

    /** A record from alternating codes and values: {@code of("PA", "RN", "2781", "AS", "OK")}. */
    public static FiasRecord of(String type, String... codesAndValues) {
        if (codesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("codes and values must come in pairs");
        }
        Builder builder = builder(type);
        for (int i = 0; i < codesAndValues.length; i += 2) {
            builder.field(codesAndValues[i], codesAndValues[i + 1]);
        }
        return builder.build();
    }

    public static Builder builder(String type) {
        return new Builder(type);
    }

    /**
     * Parses the text between STX and ETX, e.g. {@code LS|DA250115|TI123545|}.
     *
     * @throws FiasFormatException when the text does not follow the record grammar
     */
    public static FiasRecord parse(CharSequence text) {
        Objects.requireNonNull(text, "text");
        String s = text.toString();
        String type = s.length() >= 2 ? s.substring(0, 2) : s;
        if (!isType(type) || (s.length() > 2 && s.charAt(2) != '|')) {
            String shown = s.length() > 2 && s.charAt(2) != '|' ? s.substring(0, Math.min(s.length(), 3)) : type;
            throw new FiasFormatException(Reason.BAD_RECORD_TYPE, "record type must be 2 letters A-Z followed by '|', got "
                    + FiasField.describe(shown));
        }
        if (s.length() == 2) {
            throw new FiasFormatException(
                    Reason.MISSING_TRAILING_SEPARATOR, "record " + type + " ends without '|' after its type");
        }
        List<FiasField> fields = new ArrayList<>();
        int pos = 3;
        while (pos < s.length()) {
            int bar = s.indexOf('|', pos);
            if (bar < 0) {
                throw new FiasFormatException(Reason.MISSING_TRAILING_SEPARATOR, "record " + type + ": field "
                        + (fields.size() + 1) + " at offset " + pos + " is not terminated by '|'");
            }
            fields.add(parseField(type, s, pos, bar, fields.size() + 1));
            pos = bar + 1;
        }
        return new FiasRecord(type, fields);
    }

    private static FiasField parseField(String type, String s, int start, int end, int index) {
        String where = "record " + type + ": field " + index + " at offset " + start;
        if (end - start < 2) {
            throw new FiasFormatException(Reason.BAD_FIELD_CODE, where + " has no 2-character field code");
        }
        String code = s.substring(start, start + 2);
        if (!FiasField.isCode(code)) {
            throw new FiasFormatException(Reason.BAD_FIELD_CODE,
                    where + " has an invalid field code " + FiasField.describe(code) + " (A-Z, 0-9, '#')");
        }
        for (int i = start + 2; i < end; i++) {
            if (FiasField.isControl(s.charAt(i))) {
                throw new FiasFormatException(Reason.CONTROL_CHARACTER, "record " + type + ": field " + code
                        + " contains control character " + FiasField.hex(s.charAt(i)) + " at offset " + i);
            }
        }
        return new FiasField(code, s.substring(start + 2, end));
    }

    static boolean isType(String type) {
        return type != null && type.length() == 2 && isLetter(type.charAt(0)) && isLetter(type.charAt(1));
    }

    private static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static void checkType(String type) {
        if (!isType(type)) {
            throw new FiasFormatException(
                    Reason.BAD_RECORD_TYPE, "record type must be 2 letters A-Z, got " + FiasField.describe(type));
        }
    }

    public String type() {
        return type;
    }

    public boolean is(String recordType) {
        return type.equals(recordType);
    }

    /** All fields in wire order, including repeated and unknown codes. */
    public List<FiasField> fields() {
        return fields;
    }

    public boolean has(String code) {
        return value(code).isPresent();
    }

    /** The value of the first field with this code. */
    public Optional<String> value(String code) {
        for (FiasField field : fields) {
            if (field.code().equals(code)) {
                return Optional.of(field.value());
            }
        }
        return Optional.empty();
    }

    /** The values of every field with this code, in wire order. */
    public List<String> values(String code) {
        List<String> values = new ArrayList<>();
        for (FiasField field : fields) {
            if (field.code().equals(code)) {
                values.add(field.value());
            }
        }
        return Collections.unmodifiableList(values);
    }

    /** Code → first value, in wire order. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (FiasField field : fields) {
            map.putIfAbsent(field.code(), field.value());
        }
        return Collections.unmodifiableMap(map);
    }

    /** The value of the first field with this code; empty values count as present. */
    public String require(String code) {
        return value(code)
                .orElseThrow(() ->
                        new FiasFormatException(Reason.MISSING_FIELD, "record " + type + " has no field " + code));
    }

    /** The value, or empty when the field is absent or its value is empty. */
    public Optional<String> nonEmpty(String code) {
        return value(code).filter(v -> !v.isEmpty());
    }

    /** This record, after checking its type (for typed readers). */
    public FiasRecord expectType(String recordType) {
        if (!type.equals(recordType)) {
            throw new FiasFormatException(
                    Reason.WRONG_RECORD_TYPE, "expected a " + recordType + " record, got " + type);
        }
        return this;
    }

    public Optional<LocalDate> date(String code) {
        return nonEmpty(code).map(v -> FiasValues.parseDate(code, v));
    }

    public Optional<LocalTime> time(String code) {
        return nonEmpty(code).map(v -> FiasValues.parseTime(code, v));
    }

    public Optional<BigDecimal> amount(String code, int decimals) {
        return nonEmpty(code).map(v -> FiasValues.parseAmount(code, v, decimals));
    }

    public Optional<Duration> duration(String code) {
        return nonEmpty(code).map(v -> FiasValues.parseDuration(code, v));
    }

    /** {@code DA} + {@code TI} as one timestamp, when both are present and non-empty. */
    public Optional<LocalDateTime> stamp() {
        Optional<LocalDate> date = date(FiasCodes.DATE);
        Optional<LocalTime> time = time(FiasCodes.TIME);
        return date.isPresent() && time.isPresent() ? Optional.of(date.get().atTime(time.get())) : Optional.empty();
    }

    /** The text between STX and ETX: type, then each field followed by {@code |}. */
    public String toWire() {
        StringBuilder out = new StringBuilder(8 + fields.size() * 10).append(type).append('|');
        for (FiasField field : fields) {
            out.append(field.code()).append(field.value()).append('|');
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FiasRecord other && type.equals(other.type) && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, fields);
    }

    @Override
    public String toString() {
        return toWire();
    }

    /** Builds a record field by field, in the order given. */
    public static final class Builder {

        private final String type;
        private final List<FiasField> fields = new ArrayList<>();

        private Builder(String type) {
            checkType(type);
            this.type = type;
        }

        public Builder field(String code, String value) {
            fields.add(new FiasField(code, value));
            return this;
        }

        /** Adds the field only when the value is not null. */
        public Builder fieldIfPresent(String code, Object value) {
            return value == null ? this : field(code, value.toString());
        }

        /** {@code DA} and {@code TI} from one timestamp. */
        public Builder stamp(LocalDateTime at) {
            field(FiasCodes.DATE, FiasValues.formatDate(at.toLocalDate()));
            return field(FiasCodes.TIME, FiasValues.formatTime(at.toLocalTime()));
        }

        public FiasRecord build() {
            return new FiasRecord(type, fields);
        }
    }
}
