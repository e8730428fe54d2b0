package io.switchboard.pms.fias;

/**
 * A FIAS record or frame that does not follow the grammar (see {@code docs/pms/fias.md}), or a
 * value that cannot be written. The message names the record type, field code and offset; it
 * quotes only short format-checked values (dates, times, amounts, flags), never free text such as
 * guest names or dialled digits (personal data).
 */
public class FiasFormatException extends RuntimeException {

    /** Why the input was refused; stable names, usable as a metric tag. */
    public enum Reason {
        /** A frame does not start with STX (0x02) or does not end with ETX (0x03). */
        BAD_FRAMING,
        /** The record does not start with two upper-case letters followed by {@code |}. */
        BAD_RECORD_TYPE,
        /** A field is shorter than its 2-character code, or the code is not {@code [A-Z0-9#]{2}}. */
        BAD_FIELD_CODE,
        /** The last field is not terminated by {@code |}. */
        MISSING_TRAILING_SEPARATOR,
        /** A control character (below 0x20, or 0x7F) inside a field. */
        CONTROL_CHARACTER,
        /** A value to be written contains the separator {@code |}. */
        SEPARATOR_IN_VALUE,
        /** The record is longer than the codec's limit. */
        OVERSIZED,
        /** Bytes that are not valid in the link's character set, or a character it cannot write. */
        BAD_ENCODING,
        /** A required field is absent. */
        MISSING_FIELD,
        /** A field's value does not have the expected format (date, time, amount, flag …). */
        BAD_VALUE,
        /** A typed reader was given a record of another type. */
        WRONG_RECORD_TYPE
    }

    private final Reason reason;

    public FiasFormatException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
