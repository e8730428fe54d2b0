package io.switchboard.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import io.switchboard.call.CanonicalJson;
import org.junit.jupiter.api.Test;

/**
 * The API key field: the key stays in this tab's sessionStorage (never in the address, never in
 * localStorage), every API request carries it as {@code Authorization: Bearer}, and a refused key
 * gets a clear message.
 */
class ConsoleApiKeyIT extends BrowserTestSupport {

    /** The test profile's all-scopes key. */
    private static final String KEY = TEST_API_KEY;
    /** A key of the test profile with scope {@code click-to-call} only (src/test/resources/application-test.yaml). */
    private static final String CALLER_KEY = "sb_test_caller_key_0123456789";

    private static boolean searchesCalls(Request request) {
        return request.url().contains("/api/v1/calls?");
    }

    @Override
    protected boolean presetApiKey() {
        return false;
    }

    @Test
    void theKeyIsKeptForTheTabAndSentOnEveryApiRequest() {
        open("history.html");
        assertThat(page.getByTestId("api-key-status")).hasText("No key");
        assertThat(page.getByLabel("API key", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true)))
                .hasAttribute("type", "password");

        page.getByTestId("api-key-input").fill(KEY);
        page.getByTestId("api-key-save").click();
        assertThat(page.getByTestId("api-key-status")).hasText("Key set for this tab");
        assertThat(page.getByTestId("api-key-input")).hasValue("");

        Request search = page.waitForRequest(ConsoleApiKeyIT::searchesCalls, () -> page.getByTestId("history-search").click());
        org.assertj.core.api.Assertions.assertThat(search.headerValue("authorization")).isEqualTo("Bearer " + KEY);
        org.assertj.core.api.Assertions.assertThat(search.url()).doesNotContain(KEY);
        screenshot("key-set");

        Request afterReload = page.waitForRequest(ConsoleApiKeyIT::searchesCalls, () -> page.reload());
        org.assertj.core.api.Assertions.assertThat(afterReload.headerValue("authorization")).isEqualTo("Bearer " + KEY);
        assertThat(page.getByTestId("api-key-status")).hasText("Key set for this tab");
        org.assertj.core.api.Assertions.assertThat(page.url()).doesNotContain(KEY);
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => JSON.stringify(localStorage)").toString())
                .doesNotContain(KEY);

        page.getByTestId("api-key-clear").click();
        assertThat(page.getByTestId("api-key-status")).hasText("No key");
        Request withoutKey = page.waitForRequest(ConsoleApiKeyIT::searchesCalls, () -> page.getByTestId("history-search").click());
        org.assertj.core.api.Assertions.assertThat(withoutKey.headerValue("authorization")).isNull();
    }

    @Test
    void aNewTabStartsWithoutTheKey() {
        open("history.html");
        page.getByTestId("api-key-input").fill(KEY);
        page.getByTestId("api-key-save").click();

        com.microsoft.playwright.Page other = context.newPage();
        other.navigate("/console/history.html");
        assertThat(other.getByTestId("api-key-status")).hasText("No key");
        other.close();
    }

    @Test
    void aWrongKeyIsRefusedByTheHubWithAClearMessage() {
        open("history.html");
        page.getByTestId("api-key-input").fill("sb_wrong_key_0123456789");
        page.getByTestId("api-key-save").click();
        Response refused = page.waitForResponse(r -> searchesCalls(r.request()), () -> page.getByTestId("history-search").click());

        org.assertj.core.api.Assertions.assertThat(refused.status()).isEqualTo(401);
        JsonNode answer = json(refused);
        org.assertj.core.api.Assertions.assertThat(answer.path("error").asText()).isEqualTo("invalid_api_key");
        assertThat(page.getByTestId("auth-error")).hasText("API key refused (401): " + answer.path("message").asText());
        assertThat(page.getByTestId("auth-error")).hasAttribute("role", "alert");
        screenshot("refused");

        page.getByTestId("api-key-input").fill(KEY);
        page.getByTestId("api-key-save").click();
        assertThat(page.getByTestId("auth-error")).isHidden();
        page.getByTestId("history-search").click();
        assertThat(page.getByTestId("history-summary")).containsText("of");
        assertThat(page.getByTestId("auth-error")).isHidden();
    }

    @Test
    void aKeyWithoutTheScopeIsRefusedByTheHubWithAClearMessage() {
        open("history.html");
        page.getByTestId("api-key-input").fill(CALLER_KEY);
        page.getByTestId("api-key-save").click();
        Response refused = page.waitForResponse(r -> searchesCalls(r.request()), () -> page.getByTestId("history-search").click());

        org.assertj.core.api.Assertions.assertThat(refused.status()).isEqualTo(403);
        JsonNode answer = json(refused);
        org.assertj.core.api.Assertions.assertThat(answer.path("error").asText()).isEqualTo("insufficient_scope");
        org.assertj.core.api.Assertions.assertThat(answer.path("message").asText()).contains("calls:read");
        assertThat(page.getByTestId("auth-error")).hasText("API key not allowed (403): " + answer.path("message").asText());
        assertThat(page.getByTestId("auth-error")).hasAttribute("role", "alert");
        assertThat(page.getByTestId("history-summary")).not().containsText("of");
        screenshot("forbidden");
    }

    private static JsonNode json(Response response) {
        try {
            return CanonicalJson.MAPPER.readTree(response.text());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
