package io.switchboard.crm.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of the generic webhook sink, in the style receivers know from Stripe and GitHub:
 *
 * <pre>
 *   X-Switchboard-Timestamp: 1795435200                      (Unix seconds when this attempt was sent)
 *   X-Switchboard-Signature: sha256=5257a869…                (lower-case hex)
 *   signature = HMAC-SHA256(key = secret as UTF-8, message = timestamp + "." + exact body bytes)
 * </pre>
 *
 * Signing the timestamp with the body lets a receiver refuse replays: recompute the HMAC over the
 * raw body it read, compare in constant time, and reject a timestamp more than 5 minutes old.
 * Every retry is signed afresh with its own timestamp; the {@code Idempotency-Key} stays the same.
 */
public final class WebhookSignature {

    /** Prefix of the signature value: the algorithm, as GitHub's {@code X-Hub-Signature-256}. */
    public static final String PREFIX = "sha256=";

    private WebhookSignature() {}

    /** {@code sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. */
    public static String sign(String secret, long timestampSeconds, String body) {
        return PREFIX + HexFormat.of().formatHex(hmac(secret, timestampSeconds + "." + body));
    }

    /** The receiver's check (also used by tests): same HMAC, compared in constant time. */
    public static boolean verify(String secret, long timestampSeconds, String body, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] expected = sign(secret, timestampSeconds, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
