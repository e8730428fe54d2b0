package io.switchboard.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.WebSocketRoute;
import io.switchboard.call.CanonicalJson;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The board's websocket path. The hub's live feed ({@code /api/v1/live}) is not on main yet, so
 * Playwright's websocket routing stands in for it, speaking the agreed contract
 * ({@code {"type":"call","call":{canonical call}}}); the calls themselves come from the real hub.
 * TODO(live-feed): once {@code /api/v1/live} lands, drop the routing and let the real hub push.
 */
class ConsoleLiveFeedWebsocketIT extends BrowserTestSupport {

    private final List<WebSocketRoute> feeds = new CopyOnWriteArrayList<>();

    private WebSocketRoute feed() {
        return feeds.get(feeds.size() - 1);
    }

    private static String message(JsonNode call) {
        ObjectNode message = CanonicalJson.MAPPER.createObjectNode();
        message.put("type", "call");
        message.set("call", call);
        return message.toString();
    }

    @Test
    void whenTheLiveFeedConnectsTheBoardFollowsItsMessagesAndFallsBackToPollingWhenItCloses() {
        String caller = uniqueMobile();
        String callref = "KYLIVE" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        long setup = System.currentTimeMillis();
        keyyoNotification("SETUP", caller, callref, setup);
        JsonNode ringing = awaitSingleCall("vendor=keyyo&state=RINGING&number=%2B" + caller, call -> true);
        page.routeWebSocket(url -> url.contains("/api/v1/live"), feeds::add);

        open("");

        assertThat(page.getByTestId("feed-mode")).hasAttribute("data-mode", "live");
        assertThat(page.getByTestId("feed-mode")).hasText("Live feed (websocket)");
        Locator onBoard = page.getByTestId("board-call").filter(new Locator.FilterOptions().setHasText("+" + caller));
        assertThat(onBoard).hasAttribute("data-state", "RINGING"); // the snapshot the board takes on connecting

        ObjectNode answered = ringing.deepCopy();
        answered.put("state", "ANSWERED").put("answeredAt", Instant.ofEpochMilli(setup + 4_000).toString());
        feed().send(message(answered));
        assertThat(page.getByTestId("board-answered").getByTestId("board-call")
                .filter(new Locator.FilterOptions().setHasText("+" + caller))).hasCount(1);
        screenshot("live-answered");

        ObjectNode ended = answered.deepCopy();
        ended.put("state", "ENDED").put("outcome", "ANSWERED").put("endedAt", Instant.ofEpochMilli(setup + 9_000).toString())
                .put("talkSeconds", 5);
        feed().send(message(ended));
        feed().send(message(answered)); // a late, older message does not move the call back
        assertThat(page.getByTestId("board-ended").getByTestId("board-call")
                .filter(new Locator.FilterOptions().setHasText("+" + caller))).hasCount(1);
        assertThat(page.getByTestId("board-answered").getByTestId("board-call")
                .filter(new Locator.FilterOptions().setHasText("+" + caller))).hasCount(0);
        assertThat(page.getByTestId("board-announcer")).containsText("ended, answered");

        feed().close();
        assertThat(page.getByTestId("feed-mode")).hasAttribute("data-mode", "polling");
        assertThat(page.getByTestId("feed-mode")).hasText("Polling every 2 s (the live feed closed)");
        screenshot("fell-back");

        keyyoNotification("RELEASE", caller, callref, setup + 9_000);
    }

    @Test
    void theLiveFeedIsAskedForTheFilteredLinesWithTheApiKeyOutsideTheUrl() {
        page.routeWebSocket(url -> url.contains("/api/v1/live"), feeds::add);
        open("");
        assertThat(page.getByTestId("feed-mode")).hasAttribute("data-mode", "live");
        org.assertj.core.api.Assertions.assertThat(feed().url()).contains("/api/v1/live").doesNotContain("lines=", "agents=");

        page.getByTestId("board-lines").fill("+33172587948, 201");
        page.getByTestId("board-agents").fill("alice");
        page.getByTestId("board-apply").click();
        page.getByTestId("api-key-input").fill("sb_live_key");
        page.getByTestId("api-key-save").click();

        assertThat(page.getByTestId("feed-mode")).hasAttribute("data-mode", "live");
        // waitForCondition keeps Playwright dispatching (the websocket handler runs on this thread)
        page.waitForCondition(() -> feed().protocols().contains("bearer.sb_live_key"));
        org.assertj.core.api.Assertions.assertThat(feed().protocols()).containsExactly("switchboard.v1", "bearer.sb_live_key");
        org.assertj.core.api.Assertions.assertThat(feed().url()).endsWith("/api/v1/live?lines=%2B33172587948%2C201&agents=alice");
        org.assertj.core.api.Assertions.assertThat(page.url()).doesNotContain("sb_live_key");

        page.getByTestId("api-key-input").fill("key with spaces");
        page.getByTestId("api-key-save").click();
        page.waitForCondition(() -> feed().url().contains("access_token="));
        org.assertj.core.api.Assertions.assertThat(feed().url()).endsWith("&access_token=key+with+spaces");
        org.assertj.core.api.Assertions.assertThat(feed().protocols()).containsExactly("switchboard.v1");
        screenshot("filtered");
    }
}
