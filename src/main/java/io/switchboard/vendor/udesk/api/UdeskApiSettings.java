package io.switchboard.vendor.udesk.api;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One udesk CTI Cloud account as the server API sees it. {@link #toString()} never shows the
 * AuthToken.
 *
 * @param baseUrl {@code https://<host>} (or {@code http://ip:port} on premises); {@code /ccapi/v2/}
 *     is added by the client
 * @param appId AppId of the udesk application (a UUID)
 * @param sid account id provided by udesk ({@code Sid})
 * @param authToken authentication token provided by udesk: it signs requests and is never sent.
 *     Not the application Secret, which signs callbacks.
 * @param timestampInSeconds send {@code Timestamp} in seconds instead of the documented
 *     milliseconds (the seed's own curl examples use seconds; switch only if udesk refuses ms)
 * @param connectTimeout TCP (and TLS) connect timeout
 * @param responseTimeout longest wait for udesk's answer once the request is sent
 */
public record UdeskApiSettings(URI baseUrl, String appId, String sid, String authToken, boolean timestampInSeconds,
        Duration connectTimeout, Duration responseTimeout) {

    public UdeskApiSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        requireText(appId, "appId");
        requireText(sid, "sid");
        requireText(authToken, "authToken");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
    }

    /** Milliseconds timestamps, 5 s to connect, 15 s for the answer. */
    public static UdeskApiSettings of(URI baseUrl, String appId, String sid, String authToken) {
        return new UdeskApiSettings(baseUrl, appId, sid, authToken, false, Duration.ofSeconds(5), Duration.ofSeconds(15));
    }

    public UdeskApiSettings withTimeouts(Duration connect, Duration response) {
        return new UdeskApiSettings(baseUrl, appId, sid, authToken, timestampInSeconds, connect, response);
    }

    public UdeskApiSettings withTimestampInSeconds(boolean seconds) {
        return new UdeskApiSettings(baseUrl, appId, sid, authToken, seconds, connectTimeout, responseTimeout);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("udesk " + name + " must not be blank");
        }
    }

    @Override
    public String toString() {
        return "UdeskApiSettings[baseUrl=" + baseUrl + ", appId=" + appId + ", sid=" + sid + ", authToken=****"
                + ", timestampInSeconds=" + timestampInSeconds + ", connectTimeout=" + connectTimeout
                + ", responseTimeout=" + responseTimeout + "]";
    }
}
