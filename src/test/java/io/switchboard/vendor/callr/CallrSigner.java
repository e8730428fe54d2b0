package io.switchboard.vendor.callr;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a body the way CALLR does: {@code base64(HMAC-<algo>(hmac_secret, raw body bytes))}, the
 * value of {@code X-CALLR-HmacSignature}. Written independently of the production code so tests
 * can catch a mistake in it; reused by the end-to-end tests.
 */
public final class CallrSigner {

    /** Header CALLR puts the signature in. */
    public static final String HEADER = "X-CALLR-HmacSignature";

    private CallrSigner() {}

    /** @param algorithm as on the CALLR subscription: MD5, SHA1, SHA256 or SHA512 */
    public static String sign(byte[] body, String secret, String algorithm) {
        String jca = "Hmac" + algorithm.toUpperCase(Locale.ROOT);
        try {
            Mac mac = Mac.getInstance(jca);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), jca));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with " + algorithm, e);
        }
    }

    /** HMAC-SHA256, the CALLR default. */
    public static String sign(byte[] body, String secret) {
        return sign(body, secret, "SHA256");
    }

    public static String sign(String body, String secret, String algorithm) {
        return sign(body.getBytes(StandardCharsets.UTF_8), secret, algorithm);
    }
}
