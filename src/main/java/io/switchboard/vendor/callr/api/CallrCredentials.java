package io.switchboard.vendor.callr.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * How the hub authenticates to the CALLR API: {@code Authorization: Basic base64(login:password)}
 * or {@code Authorization: Api-Key <key>}. {@code toString()} never shows the secret.
 */
public sealed interface CallrCredentials {

    /** The value of the {@code Authorization} header. */
    String authorizationHeader();

    /** Account login and password. */
    record Basic(String login, String password) implements CallrCredentials {
        public Basic {
            requireText(login, "login");
            requireText(password, "password");
        }

        @Override
        public String authorizationHeader() {
            String pair = login + ":" + password;
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Basic[login=" + login + ", password=****]";
        }
    }

    /** An API key created in the CALLR customer portal. */
    record ApiKey(String key) implements CallrCredentials {
        public ApiKey {
            requireText(key, "key");
        }

        @Override
        public String authorizationHeader() {
            return "Api-Key " + key;
        }

        @Override
        public String toString() {
            return "ApiKey[****]";
        }
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException("CALLR " + name + " must not be blank");
        }
    }
}
