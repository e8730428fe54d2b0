package io.switchboard.console;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import io.switchboard.call.CanonicalJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The click-to-call form posts {@code {"line"|"agent","number","displayName"?,"tag"?}} to the real
 * {@code POST /api/v1/click-to-call} and shows the hub's answer or its error message. The demo Keyyo
 * source's web API points at a WireMock Keyyo ({@code /makecall.html} behind HTTP Digest, as in
 * {@code clicktocall.KeyyoClickToCallIT}).
 */
class ConsoleClickToCallIT extends BrowserTestSupport {

    private static final WireMockServer KEYYO = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    /** The Keyyo line the demo source may place calls from (its SIP login is the line). */
    private static final String C2C_LINE = "33100000001";
    private static final String CHALLENGE = "Digest realm=\"keyyo.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\","
            + " qop=\"auth\", algorithm=MD5";

    static {
        KEYYO.start(); // runs as long as this class's cached Spring context (as in VendorApiHubTest)
    }

    @DynamicPropertySource
    static void keyyoApi(DynamicPropertyRegistry registry) {
        registry.add("SWITCHBOARD_VENDOR_READ_TIMEOUT", () -> "2s");
        registry.add("KEYYO_API_URL", () -> "http://127.0.0.1:" + KEYYO.port());
        registry.add("KEYYO_LINE", () -> C2C_LINE);
        registry.add("KEYYO_SIP_LOGIN", () -> C2C_LINE);
        registry.add("KEYYO_SIP_PASSWORD", () -> "console-s1p-Passw0rd");
    }

    @BeforeEach
    void resetKeyyo() {
        KEYYO.resetAll();
        // Keyyo's Digest challenge for a request without credentials
        KEYYO.stubFor(WireMock.get(urlPathEqualTo("/makecall.html")).withHeader("Authorization", absent())
                .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", CHALLENGE)));
    }

    private static JsonNode json(Response response) {
        try {
            return CanonicalJson.MAPPER.readTree(response.text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response submit() {
        return page.waitForResponse(r -> r.url().endsWith("/api/v1/click-to-call"), () -> page.getByTestId("c2c-submit").click());
    }

    @Test
    void theHubStartsTheCallAndThePageShowsItsIdAndLink() {
        KEYYO.stubFor(WireMock.get(urlPathEqualTo("/makecall.html")).withHeader("Authorization", containing("Digest"))
                .willReturn(aResponse().withStatus(200).withBody("OK")));
        open("click-to-call.html");
        page.getByTestId("c2c-from").fill("+33 1 00 00 00 01");
        page.getByTestId("c2c-number").fill("+33612345678");
        page.getByTestId("c2c-display-name").fill("Front desk");
        page.getByTestId("c2c-tag").fill("crm-4711");

        Response answer = submit();

        org.assertj.core.api.Assertions.assertThat(answer.request().postData()).isEqualTo(
                "{\"line\":\"+33 1 00 00 00 01\",\"number\":\"+33612345678\",\"displayName\":\"Front desk\",\"tag\":\"crm-4711\"}");
        org.assertj.core.api.Assertions.assertThat(answer.status()).isEqualTo(202);
        JsonNode accepted = json(answer);
        String id = accepted.path("id").asText();
        org.assertj.core.api.Assertions.assertThat(id).isNotBlank();
        assertThat(page.getByTestId("c2c-result")).isVisible();
        assertThat(page.getByTestId("c2c-result-call-id")).hasText(id);
        assertThat(page.getByTestId("c2c-result-vendor")).hasText("keyyo");
        assertThat(page.getByTestId("c2c-result-source")).hasText("keyyo-demo");
        assertThat(page.getByTestId("c2c-result-line")).hasText("+" + C2C_LINE);
        assertThat(page.getByTestId("c2c-result-follow")).hasAttribute("href", "history.html?id=" + id);
        assertThat(page.getByTestId("c2c-error")).isHidden();
        KEYYO.verify(getRequestedFor(urlPathEqualTo("/makecall.html"))
                .withQueryParam("ACCOUNT", equalTo(C2C_LINE))
                .withQueryParam("CALLEE", equalTo("33612345678"))
                .withQueryParam("CALLEE_NAME", equalTo("Front desk"))
                .withHeader("Authorization", containing("Digest")));
        org.assertj.core.api.Assertions.assertThat(json(get("/api/v1/calls/" + id)).path("state").asText()).isEqualTo("RINGING");
        screenshot("accepted");

        page.getByTestId("c2c-result-follow").click();
        page.waitForURL("**/console/history.html?id=" + id);
        assertThat(page.locator("main")).containsText("+33612345678");
    }

    @Test
    void aVendorRefusalIsA502WithTheVendorsMessage() {
        // Keyyo refuses the line's SIP login/password: it answers every request with its Digest challenge
        KEYYO.stubFor(WireMock.get(urlPathEqualTo("/makecall.html")).withHeader("Authorization", containing("Digest"))
                .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", CHALLENGE)));
        open("click-to-call.html");
        page.getByTestId("c2c-from").fill("+33100000001");
        page.getByTestId("c2c-number").fill("+33611111111");

        Response answer = submit();

        org.assertj.core.api.Assertions.assertThat(answer.status()).isEqualTo(502);
        JsonNode refused = json(answer);
        org.assertj.core.api.Assertions.assertThat(refused.path("error").asText()).isEqualTo("vendor_authentication");
        String message = refused.path("message").asText();
        org.assertj.core.api.Assertions.assertThat(message).contains("Keyyo refused the line's SIP login/password")
                .doesNotContain("console-s1p-Passw0rd");
        assertThat(page.getByTestId("c2c-error")).hasText("The call was not started (502): " + message);
        assertThat(page.getByTestId("c2c-result")).isHidden();
        assertThat(page.getByTestId("c2c-submit")).isEnabled();
        screenshot("vendor-error");
    }

    @Test
    void aValidationErrorOfTheHubIsExplained() {
        open("click-to-call.html");
        page.getByTestId("c2c-from").fill("+33100000001");
        page.getByTestId("c2c-number").fill("06 12 34 56 78"); // not E.164

        Response answer = submit();

        org.assertj.core.api.Assertions.assertThat(answer.status()).isEqualTo(400);
        JsonNode refused = json(answer);
        org.assertj.core.api.Assertions.assertThat(refused.path("error").asText()).isEqualTo("invalid_number");
        assertThat(page.getByTestId("c2c-error"))
                .hasText("The call was not started (400): " + refused.path("message").asText());
        assertThat(page.getByTestId("c2c-result")).isHidden();
        assertThat(page.getByTestId("c2c-submit")).isEnabled();
        org.assertj.core.api.Assertions.assertThat(KEYYO.findAll(getRequestedFor(urlPathEqualTo("/makecall.html")))).isEmpty();
        screenshot("invalid-number");

        page.getByTestId("c2c-from").fill("+33 1 72 58 79 48"); // a line the hub may not call from
        page.getByTestId("c2c-number").fill("+33612345678");
        answer = submit();
        org.assertj.core.api.Assertions.assertThat(answer.status()).isEqualTo(400);
        org.assertj.core.api.Assertions.assertThat(json(answer).path("error").asText()).isEqualTo("unknown_line");
        assertThat(page.getByTestId("c2c-error"))
                .hasText("The call was not started (400): " + json(answer).path("message").asText());
        assertThat(page.getByTestId("c2c-error")).containsText("+33 1 72 58 79 48");
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

        page.getByTestId("c2c-from").fill("nobody");
        Request request = page.waitForRequest(r -> r.url().endsWith("/api/v1/click-to-call"), () -> page.getByTestId("c2c-submit").click());
        org.assertj.core.api.Assertions.assertThat(request.postData()).isEqualTo("{\"agent\":\"nobody\",\"number\":\"+33612345678\"}");
        assertThat(page.getByTestId("c2c-error")).containsText("The call was not started (400)");
        assertThat(page.getByTestId("c2c-error")).containsText("nobody");
    }
}
