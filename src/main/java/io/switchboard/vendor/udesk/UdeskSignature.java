package io.switchboard.vendor.udesk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** udesk callback signature: {@code Sign = lowercase hex SHA1(AppId + Secret + Timestamp)}. */
final class UdeskSignature {

    private UdeskSignature() {}

    static String sign(String appId, String secret, String timestamp) {
        return HexFormat.of().formatHex(sha1(appId + secret + timestamp));
    }

    /** Constant-time check of a hex signature given in any case. */
    static boolean matches(String appId, String secret, String timestamp, String given) {
        byte[] expected = sign(appId, secret, timestamp).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = given.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] sha1(String text) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java runtime", e);
        }
    }
}
