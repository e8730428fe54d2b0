package io.switchboard.pms.fias;

import io.switchboard.pms.fias.FiasFormatException.Reason;

/**
 * One field of a FIAS record: a 2-character code ({@code RN}, {@code P#}, {@code A0} …) and its
 * value, possibly empty. The value can hold neither {@code |} nor control characters.
 */
public record FiasField(String code, String value) {

    public FiasField {
        checkCode(code);
        if (value == null) {
            throw new FiasFormatException(Reason.BAD_VALUE, "field " + code + " has a null value");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '|') {
                throw new FiasFormatException(
                        Reason.SEPARATOR_IN_VALUE, "field " + code + " contains the separator '|' at position " + i);
            }
            if (isControl(c)) {
                throw new FiasFormatException(Reason.CONTROL_CHARACTER, "field " + code
                        + " contains control character " + hex(c) + " at position " + i);
            }
        }
    }

    static void checkCode(String code) {
        if (!isCode(code)) {
            throw new FiasFormatException(
                    Reason.BAD_FIELD_CODE, "field code must be 2 characters of A-Z, 0-9 or '#', got " + describe(code));
        }
    }

    static boolean isCode(String code) {
        return code != null && code.length() == 2 && isCodeChar(code.charAt(0)) && isCodeChar(code.charAt(1));
    }

    static boolean isCodeChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '#';
    }

    static boolean isControl(char c) {
        return c < 0x20 || c == 0x7F;
    }

    static String hex(char c) {
        return String.format("0x%02X", (int) c);
    }

    /** A short, safe rendering of a code-like token for error messages (at most 4 characters). */
    static String describe(String token) {
        if (token == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < Math.min(token.length(), 4); i++) {
            char c = token.charAt(i);
            out.append(isControl(c) || c > 0x7E ? hex(c) : String.valueOf(c));
        }
        return out.append(token.length() > 4 ? "…'" : "'").toString();
    }
}
