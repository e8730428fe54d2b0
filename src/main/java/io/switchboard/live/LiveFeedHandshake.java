package io.switchboard.live;

import io.switchboard.apikey.ApiKeyFilter;
import io.switchboard.apikey.ApiKeys;
import io.switchboard.call.CanonicalJson;
import io.switchboard.ingress.HttpReplies;
import io.switchboard.ingress.RejectedRequestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Checks a live-feed handshake: the API key filter has authenticated the key (with
 * {@code calls:read}); the query's filters must parse, else 400 JSON before any upgrade.
 */
class LiveFeedHandshake implements HandshakeInterceptor {

    static final String FILTER = "switchboard.live.filter";
    static final String KEY_ID = "switchboard.live.key";

    private final String defaultRegion;

    LiveFeedHandshake(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) throws IOException {
        Object key = request instanceof ServletServerHttpRequest servlet
                ? servlet.getServletRequest().getAttribute(ApiKeyFilter.KEY_ATTRIBUTE)
                : null;
        if (!(key instanceof ApiKeys.ApiKey apiKey)) {
            return refuse(response, 401, "missing_api_key", "Send an API key with scope calls:read");
        }
        try {
            attributes.put(FILTER, LiveFilter.parse(request.getURI().getRawQuery(), defaultRegion));
        } catch (RejectedRequestException e) {
            return refuse(response, e.status(), e.code(), e.getMessage());
        }
        attributes.put(KEY_ID, apiKey.id());
        return true;
    }

    private static boolean refuse(ServerHttpResponse response, int status, String code, String message) throws IOException {
        response.setStatusCode(HttpStatus.valueOf(status));
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getBody().write(CanonicalJson.write(HttpReplies.error(status, code, message)).getBytes(StandardCharsets.UTF_8));
        return false;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Exception exception) {
        // nothing to do
    }
}
