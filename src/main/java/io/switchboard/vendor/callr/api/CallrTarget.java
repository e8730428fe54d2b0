package io.switchboard.vendor.callr.api;

import java.util.Objects;

/**
 * A number CALLR dials (object {@code Target}).
 *
 * @param number         E.164 number, e.g. {@code +33678912345}
 * @param timeoutSeconds ringing timeout, 5..300 seconds
 */
public record CallrTarget(String number, int timeoutSeconds) {

    public static final int MIN_TIMEOUT = 5;
    public static final int MAX_TIMEOUT = 300;

    public CallrTarget {
        CallrNumbers.requireE164(Objects.requireNonNull(number, "number"), "target number");
        if (timeoutSeconds < MIN_TIMEOUT || timeoutSeconds > MAX_TIMEOUT) {
            throw new IllegalArgumentException(
                    "CALLR target timeout must be between 5 and 300 seconds, was " + timeoutSeconds);
        }
    }
}
