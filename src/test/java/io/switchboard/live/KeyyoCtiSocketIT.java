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
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Keyyo CTI relay as a websocket: each SDK notification is committed and acknowledged, then folds into a call. */
class KeyyoCtiSocketIT extends HubIntegrationTest {

    private WebSocket open(String token, LiveFeedIT.Collector collector) {
        return HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + port + "/webhooks/keyyo-cti/" + token + "/socket"), collector)
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
    }

    @Test
    void relayedNotificationsAreAcknowledgedAndBecomeOneCall() {
        LiveFeedIT.Collector replies = new LiveFeedIT.Collector();
        String callref = "KYWS" + System.nanoTime();
        WebSocket ws = open(source("keyyo-demo").token(), replies);
        try {
            ws.sendText(fixture("keyyo/cti/inbound-answered/01-setup.json").replace("KY7A41C2E09B5D4F6E", callref), true).join();
            ws.sendText(fixture("keyyo/cti/inbound-answered/02-connect.json").replace("KY7A41C2E09B5D4F6E", callref), true).join();
            ws.sendText("{\"notify\":\"call\",\"call\":", true).join();

            await().atMost(WAIT).until(() -> replies.messages.size() == 3);
            assertThat(replies.messages.get(0).path("status").asText()).isEqualTo("accepted");
            assertThat(replies.messages.get(0).path("events").asInt()).isEqualTo(1);
            assertThat(replies.messages.get(1).path("status").asText()).isEqualTo("accepted");
            assertThat(replies.messages.get(2).path("status").asInt()).isEqualTo(400);
            assertThat(replies.messages.get(2).path("message").asText()).isNotBlank();
        } finally {
            ws.abort();
        }

        await().atMost(WAIT).until(() -> {
            JsonNode page = json(get("/api/v1/calls?vendor=keyyo&number=%2B33612345678&limit=500"));
            return java.util.stream.StreamSupport.stream(page.path("items").spliterator(), false)
                    .filter(c -> callref.equals(c.path("vendorCallId").asText()))
                    .anyMatch(c -> "ANSWERED".equals(c.path("state").asText()));
        });
        JsonNode page = json(get("/api/v1/calls?vendor=keyyo&number=%2B33612345678&limit=500"));
        assertThat(java.util.stream.StreamSupport.stream(page.path("items").spliterator(), false)
                .filter(c -> callref.equals(c.path("vendorCallId").asText()))).hasSize(1);
    }

    @Test
    void aMessageOverTheContainersEightKibDefaultGetsAnAnswerNotAClosedSocket() {
        LiveFeedIT.Collector replies = new LiveFeedIT.Collector();
        WebSocket ws = open(source("keyyo-demo").token(), replies);
        try {
            ws.sendText("{\"notify\":\"call\",\"pad\":\"" + "x".repeat(20_000), true).join(); // 20 KB, not JSON

            await().atMost(WAIT).until(() -> replies.messages.size() == 1);
            assertThat(replies.messages.get(0).path("status").asInt()).isEqualTo(400);
            assertThat(ws.isInputClosed()).isFalse();
        } finally {
            ws.abort();
        }
    }

    @Test
    void aWrongTokenIsRefusedAtTheHandshake() {
        assertThatThrownBy(() -> open("not-the-token", new LiveFeedIT.Collector()))
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(401));
    }
}
