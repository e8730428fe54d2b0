package io.switchboard.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.HubIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Replay on connect through the real hub: {@code replay=current} sends the calls in progress,
 * {@code since=} the calls changed since then, each once, then a {@code replayed} message, then
 * live changes; bad values are refused at the handshake.
 */
class LiveFeedReplayIT extends HubIntegrationTest {

    private final List<WebSocket> opened = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeSockets() {
        opened.forEach(WebSocket::abort);
    }

    private LiveFeedIT.Collector connect(String query) {
        LiveFeedIT.Collector collector = new LiveFeedIT.Collector();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + TEST_API_KEY)
                .buildAsync(URI.create("ws://localhost:" + port + "/api/v1/live" + query), collector)
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
        opened.add(ws);
        await().atMost(WAIT).until(() -> collector.messages.stream().anyMatch(m -> "replayed".equals(m.path("type").asText())));
        return collector;
    }

    private void keyyo(String line, String type, String callref, long tsms) {
        String q = "account=" + line + "&caller=33698700021&callee=" + line + "&type=" + type + "&callref=" + callref
                + "&version=1&dref=&drefreplace=&sessionid=&isacd=0&redirectingnumber=&tsms=" + tsms;
        assertThat(get("/webhooks/keyyo/" + source("keyyo-demo").token() + "?" + q, Map.of()).statusCode()).isEqualTo(200);
    }

    /** One call ringing and one ended on {@code line}; returns once both are journaled. */
    private void oneRingingOneEnded(String line, String tag) {
        long t = System.currentTimeMillis();
        keyyo(line, "SETUP", tag + "-ENDED", t - 5000);
        keyyo(line, "RELEASE", tag + "-ENDED", t - 4000);
        keyyo(line, "SETUP", tag + "-RINGING", t - 1000);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode calls = json(get("/api/v1/calls?line=%2B" + line));
            return calls.path("total").asInt() == 2 && calls.path("items").findValuesAsText("state").contains("ENDED");
        });
    }

    private static List<String> summary(LiveFeedIT.Collector c) {
        return c.messages.stream().filter(m -> !"hello".equals(m.path("type").asText()))
                .map(m -> "call".equals(m.path("type").asText())
                        ? (m.path("replay").asBoolean() ? "replay " : "live ") + m.path("call").path("state").asText()
                        : m.path("type").asText() + " " + m.path("calls").asInt())
                .toList();
    }

    @Test
    void replayCurrentSendsTheCallsInProgressThenLiveChanges() {
        oneRingingOneEnded("33155500021", "REPLAY-CUR");

        LiveFeedIT.Collector screen = connect("?lines=33155500021&replay=current");
        assertThat(screen.messages.get(0).path("replay").path("current").asBoolean()).isTrue();
        assertThat(summary(screen)).containsExactly("replay RINGING", "replayed 1");
        assertThat(screen.calls().get(0).path("call").path("vendorCallId").asText()).isEqualTo("REPLAY-CUR-RINGING");

        keyyo("33155500021", "CONNECT", "REPLAY-CUR-RINGING", System.currentTimeMillis());
        await().atMost(WAIT).until(() -> summary(screen).size() == 3);
        assertThat(summary(screen)).containsExactly("replay RINGING", "replayed 1", "live ANSWERED");
    }

    @Test
    void sinceSendsEveryCallChangedSinceThenOnce() {
        Instant before = Instant.now().minusSeconds(1);
        oneRingingOneEnded("33155500022", "REPLAY-SINCE");

        LiveFeedIT.Collector screen = connect("?lines=33155500022&since=" + before);
        assertThat(summary(screen)).containsExactlyInAnyOrder("replay ENDED", "replay RINGING", "replayed 2");
        assertThat(summary(screen).get(2)).isEqualTo("replayed 2");

        LiveFeedIT.Collector later = connect("?lines=33155500022&since=" + Instant.now().plusSeconds(60));
        assertThat(summary(later)).containsExactly("replayed 0");
    }

    @Test
    void aBadReplayOrSinceIsA400AtTheHandshake() {
        assertRefused("?replay=all");
        assertRefused("?since=yesterday");
    }

    private void assertRefused(String query) {
        assertThatThrownBy(() -> HttpClient.newHttpClient().newWebSocketBuilder()
                        .header("Authorization", "Bearer " + TEST_API_KEY)
                        .buildAsync(URI.create("ws://localhost:" + port + "/api/v1/live" + query), new LiveFeedIT.Collector())
                        .orTimeout(10, TimeUnit.SECONDS).join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(400));
    }
}
