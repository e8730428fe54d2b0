package io.switchboard.vendor.udesk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Signs udesk callbacks the way udesk does ({@code Sign = lowercase hex SHA1(AppId + Secret +
 * Timestamp)}), written independently of the production code so tests check one against the other.
 */
public final class UdeskSigner {

    private UdeskSigner() {}

    public static String sign(String appId, String secret, String timestamp) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((appId + secret + timestamp).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The query string udesk puts on a callback: {@code Timestamp=…&AppId=…&Sign=…}. */
    public static String query(String appId, String secret, String timestamp) {
        return "Timestamp=" + encode(timestamp) + "&AppId=" + encode(appId) + "&Sign="
                + sign(appId, secret, timestamp);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
