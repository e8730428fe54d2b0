package io.switchboard.console;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.ScreenshotCaret;
import io.switchboard.HubIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.slf4j.LoggerFactory;

/**
 * The hub on a random port (real HTTP, real journal) and the operator console in a headless
 * Debian Chromium driven by Playwright for Java. Every test ends with a full-page screenshot in
 * {@code target/screenshots/<Class>-<test>.png}; tests take more at the steps they check.
 *
 * <p>Needs {@code /usr/bin/chromium} ({@code apt-get install chromium}; {@code .ci/run} installs it).
 * Without it the tests are skipped on a developer machine and fail under CI ({@code CI=true}), so a
 * missing browser cannot pass silently. Playwright never downloads a browser here.
 *
 * <p>A page that throws an uncaught error, or that the Content-Security-Policy blocks, fails the test.
 */
abstract class BrowserTestSupport extends HubIntegrationTest {

    static final Path CHROMIUM = Path.of(System.getProperty("switchboard.test.chromium", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    /** The Keyyo line of the test calls (callee of inbound calls, as Keyyo writes it). */
    static final String KEYYO_LINE = "33172587948";

    private static Playwright playwright;
    private static Browser browser;

    protected BrowserContext context;
    protected Page page;
    private final List<String> pageErrors = new CopyOnWriteArrayList<>();
    private String screenshotPrefix;

    @BeforeAll
    static void launchBrowser() {
        if (!Files.isExecutable(CHROMIUM)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI must provide Chromium at " + CHROMIUM + " (see .ci/run)");
            }
            String reason = CHROMIUM + " not found: console browser tests skipped (apt-get install chromium)";
            LoggerFactory.getLogger(BrowserTestSupport.class).warn(reason);
            Assumptions.abort(reason);
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--headless", "--disable-gpu", "--disable-quic",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run")));
        PlaywrightAssertions.setDefaultAssertionTimeout(WAIT.toMillis());
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    @BeforeEach
    void openPage(TestInfo test) {
        screenshotPrefix = getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName();
        context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setViewportSize(1366, 900)
                .setLocale("en-GB")
                .setTimezoneId("Europe/Paris"));
        context.setDefaultTimeout(WAIT.toMillis());
        if (presetApiKey()) {
            context.addInitScript("if (!sessionStorage.getItem('switchboard.apiKey'))"
                    + " sessionStorage.setItem('switchboard.apiKey', " + jsString(TEST_API_KEY) + ");");
        }
        page = context.newPage();
        page.onPageError(error -> pageErrors.add("uncaught: " + error));
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && message.text().contains("Content Security Policy")) {
                pageErrors.add("CSP: " + message.text());
            }
        });
    }

    @AfterEach
    void screenshotAndClose() {
        try {
            if (page != null) {
                screenshot("final");
            }
        } finally {
            if (context != null) {
                context.close();
            }
        }
        Assertions.assertThat(pageErrors).as("errors of the console page").isEmpty();
    }

    /** Whether pages open with the test API key already entered (the API key test types it itself). */
    protected boolean presetApiKey() {
        return true;
    }

    /** Saves a full-page screenshot {@code target/screenshots/<Class>-<test>-<step>.png}. */
    protected Path screenshot(String step) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = SCREENSHOTS.resolve(screenshotPrefix + "-" + step + ".png");
        // caret INITIAL: hiding the caret would inject a <style> that the console's CSP refuses
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true).setCaret(ScreenshotCaret.INITIAL));
        return file;
    }

    protected void open(String consolePath) {
        page.navigate("/console/" + consolePath);
    }

    protected String keyyoToken() {
        return source("keyyo-demo").token();
    }

    /** A caller no other test uses: Keyyo writes {@code 336xxxxxxxx}, the hub {@code +336xxxxxxxx}. */
    protected static String uniqueMobile() {
        return "336" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
    }

    /** {@code 33612345678} → {@code 06 12 34 56 78}, as an operator types it. */
    protected static String nationalFormat(String keyyoNumber) {
        String national = "0" + keyyoNumber.substring(2);
        return String.join(" ", national.split("(?<=\\G..)"));
    }

    /** Sends one Keyyo server notification (the real webhook) about an inbound call to {@link #KEYYO_LINE}. */
    protected void keyyoNotification(String type, String caller, String callref, long epochMillis) {
        String query = "account=" + KEYYO_LINE + "&caller=" + caller + "&callee=" + KEYYO_LINE + "&type=" + type
                + "&callref=" + callref + "&version=1&tsms=" + epochMillis;
        Assertions.assertThat(get("/webhooks/keyyo/" + keyyoToken() + "?" + query).statusCode()).as(type).isEqualTo(200);
    }

    static String jsString(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
