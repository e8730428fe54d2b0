package io.switchboard.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Request;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The click-to-call form posts {@code {"line"|"agent","number","displayName"?,"tag"?}} to
 * {@code POST /api/v1/click-to-call} and shows the hub's answer or its error message.
 */
class ConsoleClickToCallIT extends BrowserTestSupport {

    @Test
    void theFormPostsTheRequestAndShowsTheHubsAnswer() {
        open("click-to-call.html");
        page.getByTestId("c2c-from").fill("+33 1 72 58 79 48");
        page.getByTestId("c2c-number").fill("+33612345678");
        page.getByTestId("c2c-display-name").fill("Front desk");
        page.getByTestId("c2c-tag").fill("crm-4711");

        Request request = page.waitForRequest(r -> r.url().endsWith("/api/v1/click-to-call"), () -> page.getByTestId("c2c-submit").click());

        org.assertj.core.api.Assertions.assertThat(request.method()).isEqualTo("POST");
        org.assertj.core.api.Assertions.assertThat(request.postData()).isEqualTo(
                "{\"line\":\"+33 1 72 58 79 48\",\"number\":\"+33612345678\",\"displayName\":\"Front desk\",\"tag\":\"crm-4711\"}");
        org.assertj.core.api.Assertions.assertThat(request.headerValue("content-type")).isEqualTo("application/json");
        // The page must say what the hub says to the same request: today's main has no click-to-call (404, no
        // message); with the click-to-call work merged this test line is no configured caller (a 4xx with a message).
        // TODO(click-to-call): once it lands, also drive a 202 against a WireMock vendor here.
        HttpResponse<String> direct = post("/api/v1/click-to-call", "application/json", request.postData(), Map.of());
        String hubMessage = json(direct).path("message").asText("");
        if (direct.statusCode() == 404 && hubMessage.isEmpty()) {
            assertThat(page.getByTestId("c2c-error"))
                    .hasText("Click-to-call is not installed on this hub: POST /api/v1/click-to-call answered 404.");
        } else {
            org.assertj.core.api.Assertions.assertThat(direct.statusCode()).isBetween(400, 599);
            assertThat(page.getByTestId("c2c-error"))
                    .hasText("The call was not started (" + direct.statusCode() + "): " + hubMessage);
        }
        assertThat(page.getByTestId("c2c-result")).isHidden();
        assertThat(page.getByTestId("c2c-submit")).isEnabled();
        screenshot("answered");
    }

    @Test
    void anAgentIsSentAsAgentAndMissingFieldsAreNamedBeforeAnythingIsSent() {
        List<String> sent = new CopyOnWriteArrayList<>();
        page.onRequest(request -> {
            if (request.url().contains("/api/v1/click-to-call")) {
                sent.add(request.postData());
            }
        });
        open("click-to-call.html?number=%2B33612345678&line=%2B33172587948");
        org.assertj.core.api.Assertions.assertThat(page.getByTestId("c2c-number").inputValue()).isEqualTo("+33612345678");
        page.getByTestId("c2c-kind-agent").check();
        page.getByTestId("c2c-from").fill("");
        page.getByTestId("c2c-submit").click();

        assertThat(page.getByTestId("c2c-error")).hasText("Enter the agent to ring first.");
        assertThat(page.locator("#c2c-from-label")).containsText("Agent");
        screenshot("missing-agent");
        org.assertj.core.api.Assertions.assertThat(sent).isEmpty();

        page.getByTestId("c2c-from").fill("201");
        Request request = page.waitForRequest(r -> r.url().endsWith("/api/v1/click-to-call"), () -> page.getByTestId("c2c-submit").click());
        org.assertj.core.api.Assertions.assertThat(request.postData()).isEqualTo("{\"agent\":\"201\",\"number\":\"+33612345678\"}");
        assertThat(page.getByTestId("c2c-error")).isVisible();
    }

    @Test
    void theAcceptedCallAndAVendorErrorAreShown() {
        // TODO(click-to-call): stands in for the coming endpoint with the agreed answers (202, 502 with the vendor's
        // message). Once POST /api/v1/click-to-call lands, drive it against a WireMock vendor instead.
        page.route(url -> url.endsWith("/api/v1/click-to-call"), route -> route.fulfill(
                route.request().postData().contains("\"number\":\"+33611111111\"")
                        ? new com.microsoft.playwright.Route.FulfillOptions().setStatus(502).setContentType("application/json")
                                .setBody("{\"status\":502,\"error\":\"vendor_unavailable\",\"message\":\"Keyyo answered 500 Come Back Later\"}")
                        : new com.microsoft.playwright.Route.FulfillOptions().setStatus(202).setContentType("application/json")
                                .setBody("{\"id\":\"5f0c2b9e-0000-4000-8000-00000000c2c1\",\"vendor\":\"keyyo\",\"source\":\"keyyo-demo\","
                                        + "\"line\":\"+33172587948\",\"status\":\"/api/v1/calls/5f0c2b9e-0000-4000-8000-00000000c2c1\"}")));
        open("click-to-call.html");
        page.getByTestId("c2c-from").fill("+33172587948");
        page.getByTestId("c2c-number").fill("+33612345678");
        page.getByTestId("c2c-submit").click();

        assertThat(page.getByTestId("c2c-result")).isVisible();
        assertThat(page.getByTestId("c2c-result-call-id")).hasText("5f0c2b9e-0000-4000-8000-00000000c2c1");
        assertThat(page.getByTestId("c2c-result-vendor")).hasText("keyyo");
        assertThat(page.getByTestId("c2c-result-line")).hasText("+33172587948");
        assertThat(page.getByTestId("c2c-result-follow"))
                .hasAttribute("href", "history.html?id=5f0c2b9e-0000-4000-8000-00000000c2c1");
        assertThat(page.getByTestId("c2c-error")).isHidden();
        screenshot("accepted");

        page.getByTestId("c2c-number").fill("+33611111111");
        page.getByTestId("c2c-submit").click();
        assertThat(page.getByTestId("c2c-error")).hasText("The call was not started (502): Keyyo answered 500 Come Back Later");
        assertThat(page.getByTestId("c2c-result")).isHidden();
        screenshot("vendor-error");
    }
}
