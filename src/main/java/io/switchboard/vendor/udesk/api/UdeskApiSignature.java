package io.switchboard.vendor.udesk.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Server API signature: {@code Sign = lowercase hex SHA1(Sid + AuthToken + Timestamp)}. */
public final class UdeskApiSignature {

    private UdeskApiSignature() {}

    public static String sign(String sid, String authToken, String timestamp) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((sid + authToken + timestamp).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java runtime", e);
        }
    }
}
