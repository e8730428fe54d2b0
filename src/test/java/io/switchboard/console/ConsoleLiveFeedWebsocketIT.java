package io.switchboard.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.WebSocket;
import io.switchboard.call.CanonicalJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The board on the hub's real live feed ({@code /api/v1/live}): the calls reach the page as
 * websocket messages {@code {"type":"call","call":{…}}} pushed by the hub, not by polling the API.
 */
class ConsoleLiveFeedWebsocketIT extends BrowserTestSupport {

    private final List<WebSocket> sockets = new CopyOnWriteArrayList<>();
    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final List<String> callRequests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void watchTheFeed() {
        page.onWebSocket(socket -> {
            sockets.add(socket);
            socket.onFrameReceived(frame -> frames.add(parse(frame.text())));
        });
        page.onRequest(request -> {
            if (request.url().contains("/api/v1/calls")) {
                callRequests.add(request.url());
            }
        });
    }

    private static JsonNode parse(String text) {
        try {
            return CanonicalJson.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean pushed(String caller, String state) {
        return frames.stream().anyMatch(f -> "call".equals(f.path("type").asText())
                && ("+" + caller).equals(f.at("/call/from").asText()) && state.equals(f.at("/call/state").asText()));
    }

    private JsonNode hello() {
        return frames.stream().filter(f -> "hello".equals(f.path("type").asText())).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void theBoardFollowsTheCallsTheHubPushesOnTheLiveFeed() {
        open("");
        assertThat(page.getByTestId("feed-mode")).hasAttribute("data-mode", "live");
        assertThat(page.getByTestId("feed-mode")).hasText("Live feed (websocket)");
        // the board reads the active calls once on connecting (RINGING and ANSWERED), then only listens
        page.waitForCondition(() -> callRequests.size() >= 2 && frames.stream().anyMatch(f -> "hello".equals(f.path("type").asText())));
        org.assertj.core.api.Assertions.assertThat(sockets).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(sockets.get(0).url()).contains("/api/v1/live").doesNotContain(TEST_API_KEY);
        org.assertj.core.api.Assertions.assertThat(hello().path("key").asText()).isEqualTo("test-admin");
        int snapshotRequests = callRequests.size();

        String caller = uniqueMobile();
        String callref = "KYLIVE" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        long setup = System.currentTimeMillis();
        keyyoNotification("SETUP", caller, callref, setup);
        Locator ringing = page.getByTestId("board-ringing").getByTestId("board-call")
                .filter(new Locator.FilterOptions().setHasText("+" + caller));
        assertThat(ringing).hasAttribute("data-state", "RINGING");
        org.assertj.core.api.Assertions.assertThat(pushed(caller, "RINGING")).as("RINGING pushed on the websocket").isTrue();
        screenshot("live-ringing");

        keyyoNotification("CONNECT", caller, callref, setup + 4_000);
        Locator answered = page.getByTestId("board-answered").getByTestId("board-call")
                .filter(new Locator.FilterOptions().setHasText("+" + caller));
        assertThat(answered).hasCount(1);
        assertThat(ringing).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(pushed(caller, "ANSWERED")).as("ANSWERED pushed on the websocket").isTrue();
        screenshot("live-answered");

        keyyoNotification("RELEASE", caller, callref, setup + 9_000);
        Locator ended = page.getByTestId("board-ended").getByTestId("board-call")
                .filter(new Locator.FilterOptions().setHasText("+" + caller));
        assertThat(ended).hasCount(1);
        assertThat(ended.getByTestId("call-outcome")).hasText("ANSWERED");
        assertThat(answered).hasCount(0);
        assertThat(page.getByTestId("board-announcer")).containsText("ended, answered");
        org.assertj.core.api.Assertions.assertThat(pushed(caller, "ENDED")).as("ENDED pushed on the websocket").isTrue();

        assertThat(page.getByTestId("feed-mode")).hasAttribute("data-mode", "live");
        org.assertj.core.api.Assertions.assertThat(callRequests).as("no polling while the live feed is open").hasSize(snapshotRequests);
        screenshot("live-ended");
    }

    @Test
    void theLiveFeedIsAskedForTheFilteredLinesWithTheApiKeyOutsideTheUrl() {
        open("");
        assertThat(page.getByTestId("feed-mode")).hasAttribute("data-mode", "live");

        page.getByTestId("board-lines").fill("+33172587948, 201");
        page.getByTestId("board-agents").fill("alice");
        page.getByTestId("board-apply").click();
        page.getByTestId("api-key-input").fill("sb_test_reader_key_0123456789");
        page.getByTestId("api-key-save").click();

        page.waitForCondition(() -> frames.stream().anyMatch(f -> "test-reader".equals(f.path("key").asText())));
        assertThat(page.getByTestId("feed-mode")).hasAttribute("data-mode", "live");
        WebSocket last = sockets.get(sockets.size() - 1);
        org.assertj.core.api.Assertions.assertThat(last.url()).endsWith("/api/v1/live?lines=%2B33172587948%2C201&agents=alice")
                .doesNotContain("sb_test_reader_key");
        JsonNode hello = hello();
        org.assertj.core.api.Assertions.assertThat(hello.path("lines").toString()).contains("+33172587948");
        org.assertj.core.api.Assertions.assertThat(hello.path("agents").toString()).contains("alice");
        org.assertj.core.api.Assertions.assertThat(page.url()).doesNotContain("sb_test_reader_key");
        screenshot("filtered");
    }

    @Test
    void aKeyTheLiveFeedRefusesFallsBackToPollingAndSaysWhy() {
        open("");
        assertThat(page.getByTestId("feed-mode")).hasAttribute("data-mode", "live");

        page.getByTestId("api-key-input").fill("sb_test_caller_key_0123456789"); // click-to-call only: no calls:read
        page.getByTestId("api-key-save").click();

        assertThat(page.getByTestId("feed-mode")).hasAttribute("data-mode", "polling");
        assertThat(page.getByTestId("feed-mode")).hasText("Polling every 2 s (the live feed is not available)");
        assertThat(page.getByTestId("auth-error")).containsText("API key not allowed (403)");
        screenshot("refused");
    }
}
