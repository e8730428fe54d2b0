package io.switchboard.vendor.keyyo.api;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
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

/** Calls of one line leave at least the spacing apart; other lines do not wait for them. */
class KeyyoCallQueueSpacingTest {

    @RegisterExtension
    static WireMockExtension keyyo = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private static final long CLOCK_RESOLUTION_MS = 1;
    private static final Duration SPACING = Duration.ofMillis(400);

    /** Another line (same SIP credentials, so the stub accepts it). */
    private static final KeyyoLine OTHER_LINE = new KeyyoLine("33122222222", KeyyoDigestServer.LINE.sipLogin(),
            KeyyoDigestServer.LINE.sipPassword());

    private KeyyoApiClient client;
    private KeyyoCallQueue queue;

    @BeforeEach
    void setUp() {
        client = new KeyyoApiClient(KeyyoApiSettings.of(KeyyoDigestServer.baseUrl(keyyo)));
        queue = new KeyyoCallQueue(client, new KeyyoCallQueue.Settings(SPACING, 3, Duration.ofSeconds(1),
                Duration.ofSeconds(2), 2, 2));
        KeyyoDigestServer.stub(keyyo, "makecall.html", KeyyoDigestServer.ok());
    }

    @AfterEach
    void tearDown() {
        queue.close();
        client.close();
    }

    @Test
    void spacesTheCallsOfOneLine() throws Exception {
        CompletableFuture.allOf(
                queue.submit(KeyyoDigestServer.LINE, KeyyoCall.to("33600000001")),
                queue.submit(KeyyoDigestServer.LINE, KeyyoCall.to("33600000002"))).get(10, TimeUnit.SECONDS);

        List<LoggedRequest> calls = KeyyoDigestServer.authorisedRequests(keyyo);
        assertThat(calls).extracting(r -> r.queryParameter("CALLEE").firstValue())
                .containsExactly("33600000001", "33600000002");
        assertThat(gapMillis(calls.get(0), calls.get(1))).isGreaterThanOrEqualTo(SPACING.toMillis() - CLOCK_RESOLUTION_MS);
    }

    @Test
    void doesNotHoldOtherLinesBack() throws Exception {
        CompletableFuture<Void> first = queue.submit(KeyyoDigestServer.LINE, KeyyoCall.to("33600000001"));
        CompletableFuture<Void> second = queue.submit(KeyyoDigestServer.LINE, KeyyoCall.to("33600000002"));
        CompletableFuture<Void> other = queue.submit(OTHER_LINE, KeyyoCall.to("33600000003"));
        CompletableFuture.allOf(first, second, other).get(10, TimeUnit.SECONDS);

        List<String> order = KeyyoDigestServer.authorisedRequests(keyyo).stream()
                .map(r -> r.queryParameter("CALLEE").firstValue()).toList();
        assertThat(order.indexOf("33600000003")).isLessThan(order.indexOf("33600000002"));
    }

    @Test
    void refusesCallsBeyondTheLineQueueLimit() throws Exception {
        // Keyyo slow to answer: the first call is still in the queue (in flight) when the third
        // comes. With a quick answer a descheduled test thread could see it gone, and the third
        // accepted (a flaky failure seen on a loaded box).
        KeyyoDigestServer.stub(keyyo, "makecall.html", KeyyoDigestServer.ok().withFixedDelay(3_000));
        queue.submit(KeyyoDigestServer.LINE, KeyyoCall.to("33600000001"));
        queue.submit(KeyyoDigestServer.LINE, KeyyoCall.to("33600000002"));
        Throwable failure = queue.submit(KeyyoDigestServer.LINE, KeyyoCall.to("33600000003"))
                .handle((ok, error) -> error).get(1, TimeUnit.SECONDS);

        assertThat(failure).isInstanceOf(VendorApiException.class);
        VendorApiException e = (VendorApiException) failure;
        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.httpStatus()).isZero(); // refused by the hub, never sent to Keyyo
        assertThat(e.retryable()).isTrue();
        assertThat(KeyyoApiClient.isComeBackLater(e)).isFalse();
        assertThat(e.getMessage()).contains(KeyyoCallQueue.QUEUE_FULL).contains(KeyyoDigestServer.LINE.account());
    }

    private static long gapMillis(LoggedRequest earlier, LoggedRequest later) {
        return later.getLoggedDate().getTime() - earlier.getLoggedDate().getTime();
    }
}
