package io.switchboard.vendor.callr.api;

import io.switchboard.vendor.api.VendorHttpSettings;
import java.net.URI;
import java.util.Objects;

/**
 * Configuration of {@link CallrApiClient}.
 *
 * @param baseUrl     API root, default {@code https://api.callr.com}; requests go to {@code {baseUrl}/json-rpc/v1.1/}
 * @param credentials Basic login/password or Api-Key
 * @param loginAs     optional: act as this user of the account (header {@code CALLR-Login-As: User.login <loginAs>}); null for none
 * @param http        connect and read timeouts
 */
public record CallrApiConfig(URI baseUrl, CallrCredentials credentials, String loginAs, VendorHttpSettings http) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://api.callr.com");
    static final String ENDPOINT_PATH = "/json-rpc/v1.1/";

    public CallrApiConfig {
        baseUrl = baseUrl == null ? DEFAULT_BASE_URL : baseUrl;
        Objects.requireNonNull(credentials, "credentials");
        loginAs = loginAs == null || loginAs.isBlank() ? null : loginAs.strip();
        http = http == null ? VendorHttpSettings.defaults() : http;
    }

    /** Default base URL, no login-as, default timeouts. */
    public static CallrApiConfig of(CallrCredentials credentials) {
        return new CallrApiConfig(null, credentials, null, null);
    }

    /** The JSON-RPC endpoint: {@code {baseUrl}/json-rpc/v1.1/}. */
    public URI endpoint() {
        String root = baseUrl.toString();
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        return URI.create(root + ENDPOINT_PATH);
    }
}
