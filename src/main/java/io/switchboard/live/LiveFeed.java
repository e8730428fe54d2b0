package io.switchboard.live;

import io.switchboard.call.Call;
import io.switchboard.call.CanonicalJson;
import io.switchboard.journal.CallChangeListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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

    /** Most live changes held for one client while its replay is read and sent. */
    static final int REPLAY_BUFFER_LIMIT = 10_000;

    /**
     * One connected screen. While {@code buffer} is non-null its replay is being sent: live changes
     * are held there (guarded by the client's monitor) and sent after the replay.
     */
    private static final class Client {
        private final WebSocketSession session;
        private final LiveFilter filter;
        private List<Call> buffer;
        private boolean overflowed;

        Client(WebSocketSession session, LiveFilter filter, boolean replaying) {
            this.session = session;
            this.filter = filter;
            this.buffer = replaying ? new ArrayList<>() : null;
        }

        WebSocketSession session() {
            return session;
        }

        LiveFilter filter() {
            return filter;
        }

        /** Holds the change if the replay is still running; false: send it now. */
        synchronized boolean held(Call call) {
            if (buffer == null) {
                return false;
            }
            if (buffer.size() < REPLAY_BUFFER_LIMIT) {
                buffer.add(call);
            } else {
                overflowed = true;
            }
            return true;
        }
    }

    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(10_000), r -> {
                Thread t = new Thread(r, "live-feed");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardOldestPolicy());

    void add(WebSocketSession session, LiveFilter filter) {
        clients.put(session.getId(), new Client(safe(session), filter, false));
    }

    /**
     * Registers a client that asked for a replay, then sends it the calls {@code replay} reads (those
     * matching its filter, in the order they changed), then a {@code replayed} message, then live
     * changes (first those held during the replay). The client is registered before the replay is read, so no change committed after
     * the read is missed; changes that came in meanwhile are held and sent after the replay, minus
     * those the replay already showed (same call state, or an older state of a call it showed).
     *
     * @param replay reads the calls to replay (the journal); at most {@code limit}
     * @param limit what {@code replay} returns at most: reaching it means older calls were left out
     */
    void addReplaying(WebSocketSession session, LiveFilter filter, Supplier<List<Call>> replay, int limit) {
        Client client = new Client(safe(session), filter, true);
        clients.put(session.getId(), client);
        List<Call> calls;
        try {
            calls = replay.get();
        } catch (RuntimeException e) {
            LOG.warn("Live-feed replay for client {} failed: {}", session.getId(), e.toString());
            drop(client, CloseStatus.SERVER_ERROR);
            return;
        }
        synchronized (client) {
            Map<String, Call> shown = new HashMap<>();
            int replayed = 0;
            for (Call call : calls) {
                if (filter.matches(call)) {
                    send(client, new TextMessage(callMessage(call, true)));
                    shown.put(call.id(), call);
                    replayed++;
                }
            }
            if (client.overflowed) {
                LOG.info("Live-feed client {} dropped: more than {} changes during its replay", session.getId(),
                        REPLAY_BUFFER_LIMIT);
                drop(client, CloseStatus.SERVICE_OVERLOAD);
                return;
            }
            Map<String, Object> done = new LinkedHashMap<>();
            done.put("type", "replayed");
            done.put("calls", replayed);
            done.put("truncated", calls.size() >= limit);
            send(client, new TextMessage(CanonicalJson.write(done)));
            for (Call call : notShownYet(client.buffer, shown)) {
                send(client, new TextMessage(callMessage(call)));
            }
            client.buffer = null;
        }
    }

    /**
     * The held live changes the replay did not already show: for a call the replay sent, every
     * change up to the one equal to what it sent is skipped (it was committed before the replay was
     * read), and so is any later one whose state is behind the replayed state.
     */
    static List<Call> notShownYet(List<Call> held, Map<String, Call> shown) {
        Map<String, Integer> lastEqual = new HashMap<>();
        for (int i = 0; i < held.size(); i++) {
            Call call = held.get(i);
            if (call.equals(shown.get(call.id()))) {
                lastEqual.put(call.id(), i);
            }
        }
        Map<String, Call> latest = new HashMap<>(shown);
        List<Call> toSend = new ArrayList<>();
        for (int i = 0; i < held.size(); i++) {
            Call call = held.get(i);
            if (i <= lastEqual.getOrDefault(call.id(), -1)) {
                continue;
            }
            Call before = latest.get(call.id());
            if (before != null && (before.equals(call) || call.state().ordinal() < before.state().ordinal())) {
                continue;
            }
            toSend.add(call);
            latest.put(call.id(), call);
        }
        return toSend;
    }

    private static WebSocketSession safe(WebSocketSession session) {
        return new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES,
                ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
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

    /** Sends one change to every matching client (on the sending thread; package-private for tests). */
    void broadcast(Call call) {
        TextMessage message = null;
        for (Client client : clients.values()) {
            if (!client.filter().matches(call) || client.held(call)) {
                continue;
            }
            if (message == null) {
                message = new TextMessage(callMessage(call));
            }
            send(client, message);
        }
    }

    static String callMessage(Call call) {
        return callMessage(call, false);
    }

    /** {@code {"type":"call","call":{…}}}, with {@code "replay":true} for a call sent by a replay. */
    static String callMessage(Call call, boolean replay) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "call");
        if (replay) {
            body.put("replay", true);
        }
        body.put("call", call.withEvents(java.util.List.of()));
        return CanonicalJson.write(body);
    }

    private void drop(Client client, CloseStatus status) {
        clients.remove(client.session().getId());
        try {
            client.session().close(status);
        } catch (IOException ignored) {
            // already gone
        }
    }

    private void send(Client client, TextMessage message) {
        try {
            if (client.session().isOpen()) {
                client.session().sendMessage(message);
            }
        } catch (IOException | RuntimeException e) {
            LOG.info("Live-feed client {} dropped: {}", client.session().getId(), e.toString());
            drop(client, CloseStatus.SESSION_NOT_RELIABLE);
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
