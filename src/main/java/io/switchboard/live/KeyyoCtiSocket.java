package io.switchboard.live;

import io.switchboard.call.CanonicalJson;
import io.switchboard.config.SwitchboardProperties;
import io.switchboard.inbox.InboxUnavailableException;
import io.switchboard.ingress.HttpReplies;
import io.switchboard.ingress.RejectedRequestException;
import io.switchboard.ingress.Sources;
import io.switchboard.ingress.WebhookIngress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * {@code /webhooks/keyyo-cti/{token}/socket}: the Keyyo CTI relay as a websocket. A page running
 * Keyyo's JS SDK in the agent's browser sends each call notification it receives
 * ({@code {"notify":"call","call":{…}}}, the same body as {@code POST /webhooks/keyyo-cti/{token}})
 * as one text message; the hub answers each with {@code {"status":"accepted","events":N}} once it
 * is committed, or an error object. The source token in the path authenticates, as for the POST.
 */
@Component
class KeyyoCtiSocket extends TextWebSocketHandler {

    private static final Logger LOG = LoggerFactory.getLogger(KeyyoCtiSocket.class);
    static final String TOKEN = "switchboard.cti.token";
    private static final String VENDOR = "keyyo-cti";

    private final WebhookIngress ingress;
    private final Sources sources;
    private final int maxMessageChars;

    KeyyoCtiSocket(WebhookIngress ingress, Sources sources, SwitchboardProperties properties) {
        this.ingress = ingress;
        this.sources = sources;
        this.maxMessageChars = properties.ingress().maxBodyBytes();
    }

    /**
     * A message may be as large as the POST's body ({@code switchboard.ingress.max-body-bytes}), not
     * the container's 8 KiB default, which closes the socket (1009) on a larger one. Above it the
     * hub still closes with 1009: the websocket cannot answer a message it did not read.
     */
    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        session.setTextMessageSizeLimit(maxMessageChars);
    }

    HandshakeInterceptor handshake() {
        return new HandshakeInterceptor() {
            @Override
            public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                    Map<String, Object> attributes) throws IOException {
                String token = tokenOf(request.getURI().getPath());
                if (sources.byToken("keyyo", token).isEmpty()) {
                    return HandshakeRefusal.refuse(response, 401, "invalid_token", "Unknown Keyyo source token");
                }
                attributes.put(TOKEN, token);
                return true;
            }

            @Override
            public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                    Exception exception) {
                // nothing to do
            }
        };
    }

    /** {@code /webhooks/keyyo-cti/<token>/socket} → {@code <token>}. */
    static String tokenOf(String path) {
        String[] parts = path.split("/");
        return parts.length >= 5 ? parts[parts.length - 2] : "";
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        Map<String, Object> reply;
        try {
            int events = ingress.acceptMessage(VENDOR, (String) session.getAttributes().get(TOKEN), "application/json",
                    message.getPayload().getBytes(StandardCharsets.UTF_8));
            reply = new LinkedHashMap<>();
            reply.put("status", "accepted");
            reply.put("events", events);
        } catch (RejectedRequestException e) {
            reply = HttpReplies.error(e.status(), e.code(), e.getMessage());
        } catch (InboxUnavailableException e) {
            LOG.warn("Keyyo CTI relay message not stored: {}", e.getMessage());
            reply = HttpReplies.error(503, "journal_unavailable", "The hub cannot store the event now; send it again");
        }
        session.sendMessage(new TextMessage(CanonicalJson.write(reply)));
    }
}
