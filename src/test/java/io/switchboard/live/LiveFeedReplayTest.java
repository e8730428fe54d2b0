package io.switchboard.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.call.Call;
import io.switchboard.call.CallState;
import io.switchboard.call.CanonicalJson;
import io.switchboard.call.Direction;
import io.switchboard.call.Outcome;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * Replay on connect switches over to live changes without gap or repeat: changes announced while
 * the replay is read are held, those the replay already shows are dropped, the others follow the
 * {@code replayed} message in order, and later changes go out live.
 */
class LiveFeedReplayTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final LiveFilter EVERY_CALL = new LiveFilter(Set.of(), Set.of(), true, null);

    /** Records what the feed sends. */
    static final class RecordingSession implements WebSocketSession {
        final List<JsonNode> sent = new CopyOnWriteArrayList<>();
        volatile CloseStatus closed;

        @Override
        public void sendMessage(WebSocketMessage<?> message) {
            try {
                sent.add(CanonicalJson.MAPPER.readTree(((TextMessage) message).getPayload()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        List<String> summary() {
            return sent.stream().map(m -> m.path("type").asText().equals("call")
                    ? (m.path("replay").asBoolean() ? "replay " : "live ") + m.path("call").path("id").asText() + " "
                            + m.path("call").path("state").asText()
                    : m.path("type").asText() + " " + m.path("calls").asInt()).toList();
        }

        @Override public String getId() { return "s1"; }
        @Override public URI getUri() { return URI.create("ws://localhost/api/v1/live"); }
        @Override public HttpHeaders getHandshakeHeaders() { return new HttpHeaders(); }
        @Override public Map<String, Object> getAttributes() { return new HashMap<>(); }
        @Override public Principal getPrincipal() { return null; }
        @Override public InetSocketAddress getLocalAddress() { return null; }
        @Override public InetSocketAddress getRemoteAddress() { return null; }
        @Override public String getAcceptedProtocol() { return null; }
        @Override public void setTextMessageSizeLimit(int limit) {}
        @Override public int getTextMessageSizeLimit() { return 0; }
        @Override public void setBinaryMessageSizeLimit(int limit) {}
        @Override public int getBinaryMessageSizeLimit() { return 0; }
        @Override public List<WebSocketExtension> getExtensions() { return List.of(); }
        @Override public boolean isOpen() { return closed == null; }
        @Override public void close() { closed = CloseStatus.NORMAL; }
        @Override public void close(CloseStatus status) { closed = status; }
    }

    private static Call call(String id, CallState state, String vendorCallId) {
        return new Call(id, "telphin", "telphin-demo", vendorCallId, "000*101", Direction.INBOUND, "+79161234567",
                "000*101", state, state == CallState.ENDED ? Outcome.ANSWERED : null, T0,
                state == CallState.RINGING ? null : T0.plusSeconds(5), state == CallState.ENDED ? T0.plusSeconds(60) : null,
                state == CallState.RINGING ? null : 5L, state == CallState.ENDED ? 55L : null, null, null, List.of(), List.of());
    }

    @Test
    void changesDuringTheReplayFollowItOnceAndInOrder() {
        LiveFeed feed = new LiveFeed();
        RecordingSession session = new RecordingSession();
        Call aRinging = call("A", CallState.RINGING, "a1");
        Call aAnswered = call("A", CallState.ANSWERED, "a1");
        Call bRinging = call("B", CallState.RINGING, "b1");
        Call bRingingWithId = call("B", CallState.RINGING, "b2");
        Call cRinging = call("C", CallState.RINGING, "c1");

        feed.addReplaying(session, EVERY_CALL, () -> {
            // announced while the replay is read: A's RINGING was committed before the read (the
            // replay shows it), B changed twice before the read, A and C changed after it
            feed.broadcast(aRinging);
            feed.broadcast(bRinging);
            feed.broadcast(bRingingWithId);
            feed.broadcast(aAnswered);
            feed.broadcast(cRinging);
            return List.of(aRinging, bRingingWithId);
        }, 1000);
        feed.broadcast(call("C", CallState.ENDED, "c1"));

        assertThat(session.summary()).containsExactly(
                "replay A RINGING",
                "replay B RINGING",
                "replayed 2",
                "live A ANSWERED",
                "live C RINGING",
                "live C ENDED");
        assertThat(session.sent.get(2).path("truncated").asBoolean()).isFalse();
    }

    @Test
    void aStateBehindTheReplayedOneIsNotSentAgain() {
        Call ended = call("A", CallState.ENDED, "a1");
        Map<String, Call> shown = Map.of("A", ended);

        assertThat(LiveFeed.notShownYet(List.of(call("A", CallState.ANSWERED, "a1")), shown)).isEmpty();
        assertThat(LiveFeed.notShownYet(List.of(ended), shown)).isEmpty();
    }

    @Test
    void theReplayKeepsTheClientsFilter() {
        LiveFeed feed = new LiveFeed();
        RecordingSession session = new RecordingSession();
        LiveFilter agentOnly = new LiveFilter(Set.of(), Set.of("olga"), true, null);
        Call other = call("A", CallState.RINGING, "a1");

        feed.addReplaying(session, agentOnly, () -> List.of(other), 1000);
        feed.broadcast(call("A", CallState.ANSWERED, "a1"));

        assertThat(session.summary()).containsExactly("replayed 0");
    }

    @Test
    void aReplayAtItsLimitSaysSo() {
        LiveFeed feed = new LiveFeed();
        RecordingSession session = new RecordingSession();

        feed.addReplaying(session, EVERY_CALL, () -> List.of(call("A", CallState.RINGING, "a1")), 1);

        assertThat(session.sent.get(1).path("truncated").asBoolean()).isTrue();
    }
}
