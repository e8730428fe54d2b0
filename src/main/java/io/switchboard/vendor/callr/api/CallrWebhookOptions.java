package io.switchboard.vendor.callr.api;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Options of {@code webhooks.subscribe} (object {@code Webhook.Options}); the format is always JSON.
 * {@code toString()} never shows the secret.
 *
 * @param hmacAlgo   MD5, SHA1, SHA256 or SHA512 (the hub's CALLR source must use the same)
 * @param hmacSecret 8..1024 characters; CALLR signs each push with it ({@code X-CALLR-HmacSignature})
 */
public record CallrWebhookOptions(String hmacAlgo, String hmacSecret) {

    private static final Set<String> ALGORITHMS = Set.of("MD5", "SHA1", "SHA256", "SHA512");

    public CallrWebhookOptions {
        hmacAlgo = Objects.requireNonNull(hmacAlgo, "hmacAlgo").toUpperCase(Locale.ROOT);
        if (!ALGORITHMS.contains(hmacAlgo)) {
            throw new IllegalArgumentException("CALLR hmac_algo must be one of " + ALGORITHMS + ", was " + hmacAlgo);
        }
        Objects.requireNonNull(hmacSecret, "hmacSecret");
        if (hmacSecret.length() < 8 || hmacSecret.length() > 1024) {
            throw new IllegalArgumentException("CALLR hmac_secret must be 8..1024 characters");
        }
    }

    @Override
    public String toString() {
        return "CallrWebhookOptions[hmacAlgo=" + hmacAlgo + ", hmacSecret=****]";
    }
}
