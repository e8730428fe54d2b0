package io.switchboard.vendor.keyyo.api;

import java.util.Objects;

/**
 * A Keyyo line the hub acts for: its number ({@code ACCOUNT}) and the SIP login and password Keyyo
 * checks with HTTP Digest. {@link #toString()} never shows the password.
 *
 * @param account the line, international without {@code +} ({@code 33123456789})
 * @param sipLogin the line's SIP login
 * @param sipPassword the line's SIP password
 */
public record KeyyoLine(String account, String sipLogin, String sipPassword) {

    public KeyyoLine {
        requireText(account, "account");
        requireText(sipLogin, "sipLogin");
        Objects.requireNonNull(sipPassword, "sipPassword");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Keyyo line " + name + " must not be blank");
        }
    }

    @Override
    public String toString() {
        return "KeyyoLine[account=" + account + ", sipLogin=" + sipLogin + ", sipPassword=****]";
    }
}
