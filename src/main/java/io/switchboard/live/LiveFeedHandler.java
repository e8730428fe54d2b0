package io.switchboard.live;

import io.switchboard.call.CanonicalJson;
import io.switchboard.journal.CallJournal;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * {@code /api/v1/live}: after the handshake (API key with {@code calls:read}, filters checked by
 * {@link LiveFeedHandshake}) the client gets a {@code hello} message, then, if it asked for a replay
 * ({@code replay=current}, {@code since=…}), one {@code call} message per replayed call and a
 * {@code replayed} message, then one {@code call} message per change of a matching call. Messages from the client are answered with an error: this socket
 * only streams (the Keyyo CTI relay has its own socket).
 */
class LiveFeedHandler extends TextWebSocketHandler {

    /** Most calls one replay sends (the most recently changed ones). */
    static final int REPLAY_LIMIT = 1_000;

    private final LiveFeed feed;
    private final CallJournal journal;

    LiveFeedHandler(LiveFeed feed, CallJournal journal) {
        this.feed = feed;
        this.journal = journal;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        LiveFilter filter = (LiveFilter) session.getAttributes().get(LiveFeedHandshake.FILTER);
        Map<String, Object> hello = new LinkedHashMap<>();
        hello.put("type", "hello");
        hello.put("key", session.getAttributes().get(LiveFeedHandshake.KEY_ID));
        hello.put("lines", new TreeSet<>(filter.lines()));
        hello.put("agents", new TreeSet<>(filter.agents()));
        if (filter.replays()) {
            Map<String, Object> replay = new LinkedHashMap<>();
            replay.put("current", filter.replayCurrent());
            replay.put("since", filter.replaySince());
            hello.put("replay", replay);
        }
        session.sendMessage(new TextMessage(CanonicalJson.write(hello)));
        if (filter.replays()) {
            feed.addReplaying(session, filter,
                    () -> journal.changedCalls(filter.replaySince(), filter.replayCurrent(), REPLAY_LIMIT), REPLAY_LIMIT);
        } else {
            feed.add(session, filter);
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "error");
        error.put("error", "read_only");
        error.put("message", "The live feed only streams calls; relay Keyyo CTI calls on /webhooks/keyyo-cti/{token}/socket");
        session.sendMessage(new TextMessage(CanonicalJson.write(error)));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        feed.remove(session);
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        feed.remove(session);
    }
}
