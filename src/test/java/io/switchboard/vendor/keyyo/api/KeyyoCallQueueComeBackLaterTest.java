package io.switchboard.vendor.keyyo.api;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code 500 Come Back Later} is queued and retried with a growing backoff, not failed. */
class KeyyoCallQueueComeBackLaterTest {

    @RegisterExtension
    static WireMockExtension keyyo = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    /** WireMock logs request times in whole milliseconds. */
    private static final long CLOCK_RESOLUTION_MS = 1;

    private static final KeyyoCallQueue.Settings SETTINGS = new KeyyoCallQueue.Settings(Duration.ofMillis(200), 3,
            Duration.ofMillis(300), Duration.ofMillis(600), 10, 2);

    private KeyyoApiClient client;
    private KeyyoCallQueue queue;

    @BeforeEach
    void setUp() {
        client = new KeyyoApiClient(KeyyoApiSettings.of(KeyyoDigestServer.baseUrl(keyyo)));
        queue = new KeyyoCallQueue(client, SETTINGS);
        KeyyoDigestServer.challenge(keyyo, "makecall.html");
    }

    @AfterEach
    void tearDown() {
        queue.close();
        client.close();
    }

    @Test
    void retriesTwiceThenSucceedsWithDoublingBackoff() throws Exception {
        keyyo.stubFor(KeyyoDigestServer.authorised("makecall.html").inScenario("busy")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("busy-again")
                .willReturn(KeyyoDigestServer.comeBackLater()));
        keyyo.stubFor(KeyyoDigestServer.authorised("makecall.html").inScenario("busy")
                .whenScenarioStateIs("busy-again").willSetStateTo("free")
                .willReturn(KeyyoDigestServer.comeBackLater()));
        keyyo.stubFor(KeyyoDigestServer.authorised("makecall.html").inScenario("busy")
                .whenScenarioStateIs("free")
                .willReturn(KeyyoDigestServer.ok()));

        CompletableFuture<Void> call = queue.submit(KeyyoDigestServer.LINE, KeyyoCall.to("33698765432"));
        call.get(10, TimeUnit.SECONDS);

        List<LoggedRequest> attempts = KeyyoDigestServer.authorisedRequests(keyyo);
        assertThat(attempts).hasSize(3);
        assertThat(gapMillis(attempts.get(0), attempts.get(1))).isGreaterThanOrEqualTo(300 - CLOCK_RESOLUTION_MS);
        assertThat(gapMillis(attempts.get(1), attempts.get(2))).isGreaterThanOrEqualTo(600 - CLOCK_RESOLUTION_MS);
    }

    @Test
    void givesUpAfterTheLastRetryWithARetryableFailure() throws Exception {
        keyyo.stubFor(KeyyoDigestServer.authorised("makecall.html").willReturn(KeyyoDigestServer.comeBackLater()));

        Throwable failure = queue.submit(KeyyoDigestServer.LINE, KeyyoCall.to("33698765432"))
                .handle((ok, error) -> error).get(10, TimeUnit.SECONDS);

        assertThat(failure).isInstanceOf(VendorApiException.class)
                .hasMessageContaining("after 4 attempts");
        VendorApiException e = (VendorApiException) failure;
        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(e.vendorMessage()).hasValueSatisfying(text -> assertThat(text).contains("Come Back Later"));
        assertThat(KeyyoApiClient.isComeBackLater(e)).isTrue();
        assertThat(e.retryable()).isTrue();
        assertThat(KeyyoDigestServer.authorisedRequests(keyyo)).hasSize(1 + SETTINGS.maxRetries());
    }

    private static long gapMillis(LoggedRequest earlier, LoggedRequest later) {
        return later.getLoggedDate().getTime() - earlier.getLoggedDate().getTime();
    }
}
