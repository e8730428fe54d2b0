package io.switchboard.vendor.callr.api;

import java.util.regex.Pattern;

/** Checks the formats CALLR documents for numbers and tags before a request is sent. */
final class CallrNumbers {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Pattern CDR_FIELD = Pattern.compile("[A-Za-z0-9]{1,32}");

    private CallrNumbers() {}

    static String requireE164(String number, String what) {
        if (!E164.matcher(number).matches()) {
            throw new IllegalArgumentException("CALLR " + what + " must be E.164 (+CCNSN), was '" + number + "'");
        }
        return number;
    }

    /** CLI: E.164 or {@code BLOCKED}. */
    static String requireCli(String cli) {
        return "BLOCKED".equals(cli) ? cli : requireE164(cli, "cli");
    }

    /** {@code cdr_field}: 32 alphanumeric characters at most. */
    static String requireCdrField(String cdrField) {
        if (!CDR_FIELD.matcher(cdrField).matches()) {
            throw new IllegalArgumentException(
                    "CALLR cdr_field must be 1 to 32 letters or digits, was '" + cdrField + "'");
        }
        return cdrField;
    }
}
