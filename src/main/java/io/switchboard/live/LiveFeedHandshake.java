package io.switchboard.live;

import io.switchboard.apikey.ApiKeyFilter;
import io.switchboard.apikey.ApiKeys;
import io.switchboard.ingress.RejectedRequestException;
import java.io.IOException;
import java.util.Map;
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
            return HandshakeRefusal.refuse(response, 401, "missing_api_key", "Send an API key with scope calls:read");
        }
        try {
            attributes.put(FILTER, LiveFilter.parse(request.getURI().getRawQuery(), defaultRegion));
        } catch (RejectedRequestException e) {
            return HandshakeRefusal.refuse(response, e.status(), e.code(), e.getMessage());
        }
        attributes.put(KEY_ID, apiKey.id());
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Exception exception) {
        // nothing to do
    }
}
