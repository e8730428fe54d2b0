package io.switchboard.live;

import io.switchboard.call.Call;
import io.switchboard.call.CanonicalJson;
import io.switchboard.journal.CallChangeListener;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * Pushes every committed call change to the live-feed websocket clients whose filter it matches.
 * The journal calls {@link #callChanged} on its writing thread after the commit; the change is
 * handed to one sending thread at once, so a slow client never slows the journal. A client that
 * falls too far behind (buffer or send-time limit) is disconnected.
 */
@Component
class LiveFeed implements CallChangeListener, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
    private static final int SEND_TIME_LIMIT_MS = 5_000;
    private static final int BUFFER_LIMIT_BYTES = 512 * 1024;

    private record Client(WebSocketSession session, LiveFilter filter) {}

    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(10_000), r -> {
                Thread t = new Thread(r, "live-feed");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardOldestPolicy());

    void add(WebSocketSession session, LiveFilter filter) {
        WebSocketSession safe = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES,
                ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
        clients.put(session.getId(), new Client(safe, filter));
    }

    void remove(WebSocketSession session) {
        clients.remove(session.getId());
    }

    int clientCount() {
        return clients.size();
    }

    @Override
    public void callChanged(Call call) {
        if (!clients.isEmpty()) {
            sender.execute(() -> broadcast(call));
        }
    }

    private void broadcast(Call call) {
        TextMessage message = null;
        for (Client client : clients.values()) {
            if (!client.filter().matches(call)) {
                continue;
            }
            if (message == null) {
                message = new TextMessage(callMessage(call));
            }
            send(client, message);
        }
    }

    static String callMessage(Call call) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "call");
        body.put("call", call.withEvents(java.util.List.of()));
        return CanonicalJson.write(body);
    }

    private void send(Client client, TextMessage message) {
        try {
            if (client.session().isOpen()) {
                client.session().sendMessage(message);
            }
        } catch (IOException | RuntimeException e) {
            LOG.info("Live-feed client {} dropped: {}", client.session().getId(), e.toString());
            clients.remove(client.session().getId());
            try {
                client.session().close(CloseStatus.SESSION_NOT_RELIABLE);
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
        for (Client client : clients.values()) {
            try {
                client.session().close(CloseStatus.GOING_AWAY);
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        clients.clear();
    }
}
