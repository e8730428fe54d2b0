package io.switchboard.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The live board, open while a vendor webhook creates a call: the call appears under Ringing,
 * moves to In conversation on answer and to Recently ended on hang-up, over the hub's live websocket
 * (the board polls the API only when the live feed is not available; {@link ConsoleLiveFeedWebsocketIT}).
 */
class ConsoleLiveBoardIT extends BrowserTestSupport {

    @Test
    void aRingingCallAppearsWhileThePageIsOpenAndMovesOnAnswerAndHangup() {
        open("");
        assertThat(page.getByTestId("feed-mode")).hasAttribute("data-mode", "live");
        screenshot("empty");

        String caller = uniqueMobile();
        String callref = "KYBOARD" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        long setup = System.currentTimeMillis();
        keyyoNotification("SETUP", caller, callref, setup);

        Locator ringing = page.getByTestId("board-ringing").getByTestId("board-call").filter(
                new Locator.FilterOptions().setHasText("+" + caller));
        assertThat(ringing).hasCount(1);
        assertThat(ringing.getByTestId("call-to")).hasText("+" + KEYYO_LINE);
        assertThat(ringing).hasAttribute("data-state", "RINGING");
        screenshot("ringing");

        keyyoNotification("CONNECT", caller, callref, setup + 5_000);
        Locator answered = page.getByTestId("board-answered").getByTestId("board-call").filter(
                new Locator.FilterOptions().setHasText("+" + caller));
        assertThat(answered).hasCount(1);
        assertThat(ringing).hasCount(0);
        screenshot("answered");

        keyyoNotification("RELEASE", caller, callref, setup + 20_000);
        Locator ended = page.getByTestId("board-ended").getByTestId("board-call").filter(
                new Locator.FilterOptions().setHasText("+" + caller));
        assertThat(ended).hasCount(1);
        assertThat(ended.getByTestId("call-outcome")).hasText("ANSWERED");
        assertThat(answered).hasCount(0);
        screenshot("ended");
    }

    @Test
    void theLineFilterShowsOnlyCallsOfTheChosenLines() {
        open("");
        String caller = uniqueMobile();
        String callref = "KYFILTER" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        long setup = System.currentTimeMillis();
        keyyoNotification("SETUP", caller, callref, setup);
        Locator call = page.getByTestId("board-ringing").getByTestId("board-call")
                .filter(new Locator.FilterOptions().setHasText("+" + caller));

        page.getByTestId("board-lines").fill("01 72 58 79 48, 201");
        page.getByTestId("board-apply").click();
        assertThat(call).hasCount(1);

        page.getByTestId("board-lines").fill("+33 1 00 00 00 00");
        page.getByTestId("board-apply").click();
        assertThat(call).hasCount(0);
        screenshot("filtered-out");

        keyyoNotification("RELEASE", caller, callref, setup + 10_000);
    }
}
