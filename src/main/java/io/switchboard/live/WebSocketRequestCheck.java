package io.switchboard.live;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * The last interceptor of the hub's websocket paths: a request that is not a websocket handshake (a
 * browser tab or a curl on {@code /api/v1/live}) gets the hub's JSON error, where Spring's handshake
 * handler would answer plain text or an empty body: 405 for another method than GET, 400 without
 * {@code Upgrade: websocket}, {@code Connection: Upgrade} or {@code Sec-WebSocket-Key}, 426 (with
 * {@code Sec-WebSocket-Version: 13}) for another version. A valid handshake passes untouched.
 */
final class WebSocketRequestCheck implements HandshakeInterceptor {

    private static final String VERSION = "13";

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) throws IOException {
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders(request.getHeaders());
        if (request.getMethod() != HttpMethod.GET) {
            response.getHeaders().setAllow(Set.of(HttpMethod.GET));
            return HandshakeRefusal.refuse(response, 405, "method_not_allowed", "This is a websocket: open it with a GET handshake");
        }
        if (!"websocket".equalsIgnoreCase(headers.getUpgrade())) {
            return HandshakeRefusal.refuse(response, 400, "not_a_websocket_handshake",
                    "This is a websocket: connect with a websocket client (Upgrade: websocket, Connection: Upgrade)");
        }
        if (!hasUpgradeToken(headers.getConnection())) {
            return HandshakeRefusal.refuse(response, 400, "not_a_websocket_handshake", "The Connection header must contain Upgrade");
        }
        if (headers.getSecWebSocketKey() == null || headers.getSecWebSocketKey().isBlank()) {
            return HandshakeRefusal.refuse(response, 400, "not_a_websocket_handshake", "Missing Sec-WebSocket-Key");
        }
        if (!VERSION.equals(headers.getSecWebSocketVersion())) {
            response.getHeaders().set(WebSocketHttpHeaders.SEC_WEBSOCKET_VERSION, VERSION);
            return HandshakeRefusal.refuse(response, 426, "unsupported_websocket_version", "Only websocket version 13 is supported");
        }
        return true;
    }

    private static boolean hasUpgradeToken(List<String> connection) {
        return connection.stream()
                .flatMap(value -> List.of(value.split(",")).stream())
                .anyMatch(token -> token.trim().toLowerCase(Locale.ROOT).equals("upgrade"));
    }


    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Exception exception) {
        // nothing to do
    }
}
