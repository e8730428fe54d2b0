package io.switchboard.vendor.keyyo.api;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how patiently the hub talks to the Keyyo web API.
 *
 * @param baseUrl Keyyo API root, {@code https://ssl.keyyo.com} in production
 * @param connectTimeout TCP (and TLS) connect timeout
 * @param responseTimeout longest wait for Keyyo's answer once the request is sent
 */
public record KeyyoApiSettings(URI baseUrl, Duration connectTimeout, Duration responseTimeout) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://ssl.keyyo.com");

    public KeyyoApiSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
    }

    /** Production Keyyo, 5 s to connect, 15 s for the answer. */
    public static KeyyoApiSettings defaults() {
        return of(DEFAULT_BASE_URL);
    }

    /** Another base URL (a test server, a proxy) with the default timeouts. */
    public static KeyyoApiSettings of(URI baseUrl) {
        return new KeyyoApiSettings(baseUrl, Duration.ofSeconds(5), Duration.ofSeconds(15));
    }
}
