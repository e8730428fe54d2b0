package io.switchboard.apikey;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the API key a caller presents: {@code Authorization: Bearer <key>} or {@code X-Api-Key}.
 * On the live-feed websocket, which browsers cannot give headers, also the {@code access_token}
 * query parameter or a {@code Sec-WebSocket-Protocol} value {@code bearer.<key>}.
 */
final class PresentedKey {

    static final String LIVE_PATH = "/api/v1/live";
    static final String PROTOCOL_PREFIX = "bearer.";

    private PresentedKey() {}

    static Optional<String> of(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return nonBlank(authorization.substring(7));
        }
        Optional<String> header = nonBlank(request.getHeader("X-Api-Key"));
        if (header.isPresent()) {
            return header;
        }
        if (request.getRequestURI().endsWith(LIVE_PATH)) {
            return fromQuery(request.getQueryString()).or(() -> fromProtocol(request.getHeader("Sec-WebSocket-Protocol")));
        }
        return Optional.empty();
    }

    /** Both headers sent with different keys: which one the caller meant is not ours to guess. */
    static boolean conflicting(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        Optional<String> header = nonBlank(request.getHeader("X-Api-Key"));
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) && header.isPresent()
                && !nonBlank(authorization.substring(7)).equals(header);
    }

    static Optional<String> fromQuery(String query) {
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("access_token")) {
                try {
                    return nonBlank(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** {@code Sec-WebSocket-Protocol: switchboard.v1, bearer.<key>}. */
    static Optional<String> fromProtocol(String header) {
        if (header == null) {
            return Optional.empty();
        }
        for (String value : header.split(",")) {
            String v = value.trim();
            if (v.toLowerCase(Locale.ROOT).startsWith(PROTOCOL_PREFIX)) {
                return nonBlank(v.substring(PROTOCOL_PREFIX.length()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }
}
