package io.switchboard.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.HubIntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console is plain static files served by the hub itself at {@code /console/}: no build step,
 * nothing from a CDN, security headers on every file, and the hub's other paths unchanged.
 */
class ConsoleServingIT extends HubIntegrationTest {

    private static final List<String> PAGES =
            List.of("index.html", "history.html", "click-to-call.html", "deliveries.html", "keyyo-relay.html");

    @Test
    void consoleWithoutSlashRedirectsToTheConsole() {
        HttpResponse<String> response = get("/console");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/console/");
    }

    @Test
    void theConsoleRootIsTheLiveBoardWithAStrictContentSecurityPolicy() {
        HttpResponse<String> response = get("/console/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.body()).contains("<h1>Live calls</h1>", "js/board.js");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'", "script-src 'self';", "connect-src 'self';", "frame-ancestors 'none'");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }

    @Test
    void everyPageAndModuleIsServedAndNothingComesFromElsewhere() {
        for (String page : PAGES) {
            HttpResponse<String> response = get("/console/" + page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.body()).as(page).doesNotContain("src=\"http", "href=\"http", "url(http").contains("<main id=\"main\">");
        }
        for (String module : List.of("api.js", "layout.js", "format.js", "live-feed.js", "board.js", "history.js",
                "click-to-call.js", "deliveries.js", "keyyo-cti-adapter.js", "keyyo-relay.js")) {
            HttpResponse<String> response = get("/console/js/" + module);
            assertThat(response.statusCode()).as(module).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(module).contains("javascript");
            assertThat(response.body()).as(module).doesNotContain("import('http", "from 'http", "from \"http");
        }
        assertThat(get("/console/css/console.css").headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
    }

    @Test
    void onlyTheKeyyoRelayPageMayLoadScriptsOverHttps() {
        assertThat(get("/console/keyyo-relay.html").headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self' https:", "connect-src 'self' https: wss:");
        assertThat(get("/console/history.html").headers().firstValue("Content-Security-Policy").orElseThrow())
                .doesNotContain("https:");
    }

    @Test
    void anUnknownConsoleFileIsA404() {
        assertThat(get("/console/nope.js").statusCode()).isEqualTo(404);
    }

    @Test
    void responsesStillEchoNoRequestHeaders() {
        Map<String, String> probe = Map.of("X-Console-Probe", "secret-value");
        HttpResponse<String> console = post("/console/index.html", "text/plain", "", probe);
        HttpResponse<String> api = post("/api/v1/calls?limit=1", "application/json", "{}", probe);
        HttpResponse<String> webhook = post("/webhooks/keyyo-cti/" + source("keyyo-demo").token(), "application/json",
                "{}", probe);

        assertThat(console.headers().map()).doesNotContainKey("x-console-probe");
        assertThat(api.headers().map().keySet()).noneMatch(name -> name.startsWith("camel") || name.startsWith("x-console"));
        assertThat(webhook.statusCode()).isEqualTo(400);
        assertThat(webhook.headers().map()).doesNotContainKey("x-console-probe");
        assertThat(webhook.headers().firstValue("Content-Security-Policy")).isEmpty();
    }
}
