package io.switchboard.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Keyyo CTI relay page with a fake Keyyo CTI SDK injected before the page loads (the real SDK
 * comes from Keyyo's CDN, out of reach here). The fake only stands in for the SDK's surface
 * ({@code new Keyyo.CTI()}, {@code create_session}, {@code onNewCall}, {@code call.onConnect}…);
 * the page's relay posts to the real hub webhook and the call lands in the real journal.
 */
class ConsoleKeyyoRelayIT extends BrowserTestSupport {

    /** A stand-in for keyyo-cti.min.js: what the seed documents, nothing more; it records what the page did. */
    private static final String FAKE_SDK = """
            window.__fakeKeyyo = { sessions: [], cti: null };
            window.Keyyo = {
              CTI: function (options) {
                this.options = options;
                this.connected = false;
                window.__fakeKeyyo.cti = this;
                this.create_session = function (csiToken, callback) {
                  window.__fakeKeyyo.sessions.push(csiToken);
                  if (csiToken === 'expired') {
                    setTimeout(() => callback({ status_code: 400, error_code: 'invalid_csi_token',
                      message: 'Your CSI token is invalid or has expired' }, null), 0);
                    return;
                  }
                  this.connected = true;
                  setTimeout(() => callback(null, { number: '%s', now: Math.floor(Date.now() / 1000),
                    session_id: 'fake-session' }), 0);
                };
                this.destroy_session = function (callback) { this.connected = false; callback(null, 1); };
                this.get_calls = function () { return []; };
              }
            };
            """.formatted(KEYYO_LINE);

    @BeforeEach
    void injectFakeSdk() {
        page.addInitScript(FAKE_SDK);
    }

    @Test
    void everyCallEventTheSdkEmitsIsRelayedToTheHubAndTheCallIsJournaled() {
        open("keyyo-relay.html");
        page.getByTestId("relay-csi-token").fill("csi-token-from-keyyo");
        page.getByTestId("relay-token").fill(keyyoToken());
        page.getByTestId("relay-connect").click();
        assertThat(page.getByTestId("relay-status")).hasText("Relaying calls of " + KEYYO_LINE + " to the hub");
        assertThat(page.getByTestId("relay-csi-token")).hasValue("");

        String caller = uniqueMobile();
        String callref = "KYRELAY" + UUID.randomUUID().toString().replace("-", "").substring(0, 11).toUpperCase();
        int setup = (int) (System.currentTimeMillis() / 1000 - 60); // Playwright passes int, not long
        Map<String, Object> args = Map.of("callref", callref, "caller", caller, "callee", KEYYO_LINE, "setup", setup);
        page.evaluate("""
                a => {
                  const call = { callref: a.callref, caller: a.caller, callee: a.callee, state: 'SETUP',
                    setup_date: a.setup, connect_date: null, release_date: null, callpark_slot: '' };
                  window.__fakeCall = call;
                  window.__fakeKeyyo.cti.onNewCall(call);
                  call.onSetup();
                }""", args);
        Locator rows = page.getByTestId("relay-log-row");
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).hasAttribute("data-result", "ok");
        assertThat(rows.first().getByTestId("relay-log-answer")).hasText("200 accepted (1 event)");
        awaitSingleCall("vendor=keyyo&state=RINGING&number=%2B" + caller, call -> true);

        page.evaluate("""
                s => { const call = window.__fakeCall; call.state = 'CONNECT'; call.connect_date = s + 7; call.onConnect(); }""",
                setup);
        page.evaluate("""
                s => { const call = window.__fakeCall; call.state = 'RELEASE'; call.release_date = s + 50; call.onRelease(); }""",
                setup);

        assertThat(rows).hasCount(3);
        assertThat(page.locator("[data-testid=relay-log-row][data-result=ok]")).hasCount(3);
        assertThat(rows.first()).hasAttribute("data-state", "RELEASE");
        screenshot("relayed");

        JsonNode call = awaitSingleCall("vendor=keyyo&number=%2B" + caller, c -> c.path("state").asText().equals("ENDED"));
        org.assertj.core.api.Assertions.assertThat(call.path("vendorCallId").asText()).isEqualTo(callref);
        org.assertj.core.api.Assertions.assertThat(call.path("line").asText()).isEqualTo("+" + KEYYO_LINE);
        org.assertj.core.api.Assertions.assertThat(call.path("direction").asText()).isEqualTo("INBOUND");
        org.assertj.core.api.Assertions.assertThat(call.path("outcome").asText()).isEqualTo("ANSWERED");
        org.assertj.core.api.Assertions.assertThat(call.path("talkSeconds").asLong()).isEqualTo(43);
        JsonNode events = json(get("/api/v1/calls/" + call.path("id").asText())).path("events");
        org.assertj.core.api.Assertions.assertThat(events).hasSize(3);
        org.assertj.core.api.Assertions.assertThat(events).extracting(e -> e.path("vendorEventType").asText())
                .containsExactly("cti:SETUP", "cti:CONNECT", "cti:RELEASE");

        page.getByTestId("relay-disconnect").click();
        assertThat(page.getByTestId("relay-status")).hasText("Disconnected");
    }

    @Test
    void aWrongHubTokenIsShownAsTheHubsRefusal() {
        open("keyyo-relay.html");
        page.getByTestId("relay-csi-token").fill("csi-token-from-keyyo");
        page.getByTestId("relay-token").fill("not-the-token");
        page.getByTestId("relay-connect").click();
        assertThat(page.getByTestId("relay-status")).hasAttribute("data-mode", "live");

        String caller = uniqueMobile(); // a number no other test of the shared hub uses
        page.evaluate("""
                (caller) => window.__fakeKeyyo.cti.onNewCall({ callref: 'KYWRONGTOKEN1', caller,
                  callee: '33172587948', state: 'SETUP', setup_date: Math.floor(Date.now() / 1000) })""", caller);

        assertThat(page.getByTestId("relay-log-row")).hasAttribute("data-result", "error");
        assertThat(page.getByTestId("relay-error")).containsText("The hub refused a notification (401)");
        screenshot("refused");
        org.assertj.core.api.Assertions.assertThat(json(get("/api/v1/calls?number=%2B" + caller)).path("total").asInt())
                .isZero();
    }

    @Test
    void aRefusedCsiTokenIsExplainedAndNothingIsRelayed() {
        open("keyyo-relay.html");
        page.getByTestId("relay-csi-token").fill("expired");
        page.getByTestId("relay-token").fill(keyyoToken());
        page.getByTestId("relay-connect").click();

        assertThat(page.getByTestId("relay-error"))
                .hasText("Keyyo refused the session (400 invalid_csi_token): Your CSI token is invalid or has expired");
        assertThat(page.getByTestId("relay-status")).hasText("Not connected");
        assertThat(page.getByTestId("relay-connect")).isEnabled();
        screenshot("refused-session");
    }
}
