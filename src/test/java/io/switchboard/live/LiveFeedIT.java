package io.switchboard.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.HubIntegrationTest;
import io.switchboard.call.CanonicalJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live feed over a real websocket client: filtered delivery, and refusal without a good key. */
class LiveFeedIT extends HubIntegrationTest {

    private static final String READER = "sb_test_reader_key_0123456789";
    private static final String ADMIN = "sb_test_admin_key_0123456789";
    private static final String CALLER_ONLY = "sb_test_caller_key_0123456789";

    private final List<WebSocket> opened = new CopyOnWriteArrayList<>();

    /** Collects every text message. */
    static final class Collector implements WebSocket.Listener {
        final List<JsonNode> messages = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(CanonicalJson.MAPPER.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        List<JsonNode> calls() {
            return messages.stream().filter(m -> "call".equals(m.path("type").asText())).toList();
        }
    }

    private WebSocket connect(String query, Collector collector, Map<String, String> headers, String... protocols) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        if (protocols.length > 0) {
            builder.subprotocols(protocols[0], java.util.Arrays.copyOfRange(protocols, 1, protocols.length));
        }
        WebSocket ws = builder.buildAsync(URI.create("ws://localhost:" + port + "/api/v1/live" + query), collector)
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
        opened.add(ws);
        await().atMost(WAIT).until(() -> collector.messages.stream().anyMatch(m -> "hello".equals(m.path("type").asText())));
        return ws;
    }

    @AfterEach
    void closeSockets() {
        opened.forEach(ws -> ws.abort());
    }

    private void keyyo(String account, String caller, String callee, String type, String callref, long tsms) {
        String q = "account=" + account + "&caller=" + caller + "&callee=" + callee + "&type=" + type + "&callref=" + callref
                + "&version=1&dref=&drefreplace=&sessionid=&isacd=0&redirectingnumber=&tsms=" + tsms;
        assertThat(get("/webhooks/keyyo/" + source("keyyo-demo").token() + "?" + q, Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void aClientFilteredByLineGetsOnlyThatLinesCalls() {
        Collector mine = new Collector();
        Collector all = new Collector();
        connect("?lines=33155500001", mine, Map.of("Authorization", "Bearer " + READER));
        connect("", all, Map.of("X-Api-Key", READER));
        long t = System.currentTimeMillis();

        keyyo("33155500002", "33698700002", "33155500002", "SETUP", "LIVE-OTHER-1", t);
        keyyo("33155500001", "33698700001", "33155500001", "SETUP", "LIVE-MINE-1", t + 1);
        keyyo("33155500001", "33698700001", "33155500001", "CONNECT", "LIVE-MINE-1", t + 5000);

        await().atMost(WAIT).until(() -> mine.calls().stream()
                .anyMatch(m -> "ANSWERED".equals(m.path("call").path("state").asText())));
        await().atMost(WAIT).until(() -> all.calls().stream()
                .anyMatch(m -> "+33155500002".equals(m.path("call").path("line").asText())));
        assertThat(mine.calls()).allSatisfy(m -> {
            assertThat(m.path("call").path("line").asText()).isEqualTo("+33155500001");
            assertThat(m.path("call").has("events")).isFalse();
        });
        assertThat(mine.calls()).extracting(m -> m.path("call").path("state").asText()).containsSequence("RINGING", "ANSWERED");
        assertThat(all.calls()).extracting(m -> m.path("call").path("line").asText()).contains("+33155500001", "+33155500002");
    }

    @Test
    void aClientFilteredByAgentGetsCallsThatAgentAnswered() {
        Collector agent = new Collector();
        connect("?agents=%2B33155500003", agent, Map.of(), "switchboard.v1", "bearer." + READER);
        long t = System.currentTimeMillis();

        keyyo("33155500004", "33698700004", "33155500004", "SETUP", "LIVE-AGENT-OTHER", t);
        keyyo("33155500004", "33698700004", "33155500004", "CONNECT", "LIVE-AGENT-OTHER", t + 1000);
        keyyo("33155500003", "33698700003", "33155500003", "SETUP", "LIVE-AGENT-1", t);
        keyyo("33155500003", "33698700003", "33155500003", "CONNECT", "LIVE-AGENT-1", t + 1000);

        await().atMost(WAIT).until(() -> !agent.calls().isEmpty());
        assertThat(agent.calls()).allSatisfy(m -> assertThat(m.path("call").path("agent").asText()).isEqualTo("+33155500003"));
    }

    @Test
    void theKeyMayComeAsAnAccessTokenParameter() {
        Collector collector = new Collector();
        connect("?access_token=" + READER + "&lines=33155500009", collector, Map.of());

        assertThat(collector.messages.get(0).path("key").asText()).isEqualTo("test-reader");
    }

    @Test
    void noKeyAWrongKeyOrAKeyWithoutCallsReadIsRefusedAtTheHandshake() {
        assertRefused(Map.of(), "", 401);
        assertRefused(Map.of("Authorization", "Bearer sb_wrong_key_000000000"), "", 401);
        assertRefused(Map.of("X-Api-Key", CALLER_ONLY), "", 403);
        assertRefused(Map.of("X-Api-Key", READER), "?colour=red", 400);
    }

    @Test
    void aRequestThatIsNotAWebsocketHandshakeGetsAJsonError() {
        var plainGet = get("/api/v1/live", Map.of("X-Api-Key", READER));
        var post = post("/api/v1/live", "application/json", "{}", Map.of("X-Api-Key", ADMIN));
        var ctiGet = get("/webhooks/keyyo-cti/" + source("keyyo-demo").token() + "/socket", Map.of());

        assertThat(plainGet.statusCode()).isEqualTo(400);
        assertThat(json(plainGet).path("error").asText()).isEqualTo("not_a_websocket_handshake");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(json(post).path("error").asText()).isEqualTo("method_not_allowed");
        assertThat(post.headers().firstValue("Allow")).contains("GET");
        assertThat(ctiGet.statusCode()).isEqualTo(400);
        assertThat(json(ctiGet).path("error").asText()).isEqualTo("not_a_websocket_handshake");
        // The key and its scope are still checked first.
        assertThat(get("/api/v1/live", Map.of()).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/live", "application/json", "{}", Map.of("X-Api-Key", READER)).statusCode()).isEqualTo(403);
    }

    private void assertRefused(Map<String, String> headers, String query, int status) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(builder::header);
        assertThatThrownBy(() -> builder.buildAsync(URI.create("ws://localhost:" + port + "/api/v1/live" + query),
                        new Collector()).orTimeout(10, TimeUnit.SECONDS).join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(status));
    }
}
