package io.switchboard.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Call history: a call that reached the hub through the Keyyo webhook is found by number and opened. */
class ConsoleHistorySearchIT extends BrowserTestSupport {

    @Test
    void aCallFromAVendorWebhookIsFoundByItsNationalNumberAndShowsItsEvents() {
        String caller = uniqueMobile();
        String callref = "KYCONSOLE" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        long setup = System.currentTimeMillis() - 95_000;
        keyyoNotification("SETUP", caller, callref, setup);
        keyyoNotification("CONNECT", caller, callref, setup + 8_000);
        keyyoNotification("RELEASE", caller, callref, setup + 93_000);
        awaitSingleCall("vendor=keyyo&number=%2B" + caller, call -> call.path("state").asText().equals("ENDED"));

        open("history.html");
        assertThat(page.getByTestId("history-summary")).containsText("newest first");
        page.getByLabel(Pattern.compile("^Number")).fill(nationalFormat(caller));
        page.getByTestId("history-search").click();

        Locator rows = page.getByTestId("history-row");
        assertThat(rows).hasCount(1);
        assertThat(page.getByTestId("history-summary")).hasText("Calls 1–1 of 1, newest first");
        assertThat(rows.first().getByTestId("history-from")).hasText("+" + caller);
        assertThat(rows.first().getByTestId("history-to")).hasText("+" + KEYYO_LINE);
        assertThat(rows.first().getByTestId("history-state")).hasText("ENDED");
        assertThat(rows.first().getByTestId("history-outcome")).hasText("ANSWERED");
        assertThat(page).hasURL(Pattern.compile("history\\.html\\?number=06"));
        screenshot("found");

        rows.first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Show call +" + caller + " to +" + KEYYO_LINE))
                .click();

        Locator detail = page.getByTestId("call-detail");
        assertThat(detail).isVisible();
        assertThat(detail.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setLevel(2)))
                .hasText("Call +" + caller + " → +" + KEYYO_LINE);
        assertThat(detail).containsText(callref);
        assertThat(detail.getByTestId("call-event")).hasCount(3);
        assertThat(detail.getByTestId("call-event").nth(0)).containsText("SETUP");
        assertThat(detail.getByTestId("call-event").nth(2)).containsText("HANGUP");
        screenshot("events");

        page.reload();
        assertThat(page.getByTestId("call-detail")).containsText(callref);
        assertThat(page.getByTestId("history-number")).hasValue(nationalFormat(caller));
    }

    @Test
    void aBadFilterShowsTheHubsMessage() {
        open("history.html?since=2026-11-23T10:00&until=2026-11-23T09:00");

        assertThat(page.getByTestId("history-error")).containsText("'since' must be before 'until'");
        assertThat(page.getByTestId("history-rows").locator("tr")).hasCount(0);
    }
}
