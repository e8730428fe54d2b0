package io.switchboard.vendor.telphin.api;

import io.switchboard.vendor.api.VendorHttpSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of {@link TelphinApiClient}. {@code toString()} never shows the client secret.
 *
 * @param baseUrl             API root, default {@code https://apiproxy.telphin.ru}
 * @param clientId            OAuth2 client id of the Telphin application ("trusted" app, client credentials)
 * @param clientSecret        OAuth2 client secret
 * @param tokenRefreshMargin  fetch a new token this long before the cached one expires (default 60 s;
 *                            at most half the token's lifetime is used)
 * @param http                connect and read timeouts
 */
public record TelphinApiConfig(
        URI baseUrl, String clientId, String clientSecret, Duration tokenRefreshMargin, VendorHttpSettings http) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://apiproxy.telphin.ru");
    public static final Duration DEFAULT_TOKEN_REFRESH_MARGIN = Duration.ofSeconds(60);

    public TelphinApiConfig {
        baseUrl = baseUrl == null ? DEFAULT_BASE_URL : baseUrl;
        requireText(clientId, "clientId");
        requireText(clientSecret, "clientSecret");
        tokenRefreshMargin = tokenRefreshMargin == null ? DEFAULT_TOKEN_REFRESH_MARGIN : tokenRefreshMargin;
        if (tokenRefreshMargin.isNegative()) {
            throw new IllegalArgumentException("tokenRefreshMargin must not be negative");
        }
        http = http == null ? VendorHttpSettings.defaults() : http;
    }

    /** Default base URL, refresh margin and timeouts. */
    public static TelphinApiConfig of(String clientId, String clientSecret) {
        return new TelphinApiConfig(null, clientId, clientSecret, null, null);
    }

    /** {@code baseUrl} + {@code path} ({@code path} starts with a slash). */
    URI resolve(String path) {
        String root = baseUrl.toString();
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        return URI.create(root + path);
    }

    @Override
    public String toString() {
        return "TelphinApiConfig[baseUrl=" + baseUrl + ", clientId=" + clientId + ", clientSecret=****, tokenRefreshMargin="
                + tokenRefreshMargin + ", http=" + http + "]";
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException("Telphin " + name + " must not be blank");
        }
    }
}
