package io.switchboard.live;

import io.switchboard.call.CanonicalJson;
import io.switchboard.ingress.HttpReplies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;

/** A websocket handshake refused before any upgrade, with the hub's JSON error body. */
final class HandshakeRefusal {

    private HandshakeRefusal() {}

    /** Writes {@code {"status":…,"error":code,"message":…}} with the status; returns false for the interceptor. */
    static boolean refuse(ServerHttpResponse response, int status, String code, String message) throws IOException {
        response.setStatusCode(HttpStatus.valueOf(status));
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getBody().write(CanonicalJson.write(HttpReplies.error(status, code, message)).getBytes(StandardCharsets.UTF_8));
        return false;
    }
}
