package io.switchboard.crm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.switchboard.LogCapture;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * CRM-down test: the receiver is down for a whole minute, first answering 503 (with Retry-After),
 * then not listening at all (connection refused); calls keep ending meanwhile. When it is back,
 * every call is delivered, once each, and none went DEAD.
 *
 * <p>The outage lasts its real length (60 s; {@code -Dswitchboard.it.crmOutage=PT10S} shortens it
 * for a quick local loop). Only the backoff is scaled down (200 ms doubling to 2 s instead of 1 s to
 * 10 min), so the deliveries see many failed attempts within the minute, as production would over a
 * longer outage, and recover within seconds of the receiver coming back. {@code maxAttempts} is
 * raised accordingly (production's 20 attempts at production backoff span hours).
 *
 * <p>The log stays readable: each failed attempt is one WARN line of the feed consumer without a
 * stack trace, nothing at ERROR, nothing from Camel's error handler.
 */
class CrmOutageIT extends DeliveryTestSupport {

    private static final String SUB = "crm-outage";
    private static final Duration OUTAGE = Duration.parse(System.getProperty("switchboard.it.crmOutage", "PT60S"));
    private static final int CALLS_PER_PHASE = 8;

    private WireMockServer crm;
    private LogCapture log;

    @AfterEach
    void stopCrm() {
        if (crm != null) {
            crm.stop();
        }
        if (log != null) {
            log.close();
        }
    }

    private WireMockServer crm(int port) {
        WireMockServer server = new WireMockServer(wireMockConfig().port(port).bindAddress("127.0.0.1"));
        server.start();
        return server;
    }

    @Test
    void everyCallIsDeliveredOnceAfterAMinuteOfOutage() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        crm = crm(port);
        log = LogCapture.start();
        crm.stubFor(WireMock.post("/calls").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));
        subscribe(SUB, "&concurrency=4&initialBackoff=200&maxBackoff=2000&maxAttempts=1000&maxAge=1h",
                "kamelet:webhook-call-sink?url=RAW(http://127.0.0.1:" + port + "/calls)&secret=RAW(outage-secret)&timeout=2000");
        Instant down = Instant.now();
        Instant refusedFrom = down.plus(OUTAGE.dividedBy(2));
        Instant up = down.plus(OUTAGE);

        // First half: the CRM answers 503 Retry-After: 1.
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < CALLS_PER_PHASE; i++) {
            calls.add(hubCallId(telphin().answeredCall()));
        }
        await().atMost(OUTAGE).until(() -> Instant.now().isAfter(refusedFrom));
        assertThat(failedAttempts()).isGreaterThanOrEqualTo(CALLS_PER_PHASE * 2);
        assertThat(lastErrors()).anyMatch(e -> e.contains("HTTP 503") && e.contains("Retry-After 1000 ms"));

        // Second half: nothing listens.
        crm.stop();
        for (int i = 0; i < CALLS_PER_PHASE; i++) {
            calls.add(hubCallId(telphin().answeredCall()));
        }
        await().atMost(OUTAGE).until(() -> Instant.now().isAfter(up));
        assertThat(lastErrors()).anyMatch(e -> e.contains("unreachable"));
        assertThat(statuses()).containsOnlyKeys("PENDING");

        // The CRM is back.
        crm = crm(port);
        crm.stubFor(WireMock.post("/calls").willReturn(ok()));
        await().atMost(Duration.ofSeconds(20)).until(() -> statuses().equals(Map.of("DELIVERED", (long) calls.size())));
        List<LoggedRequest> received = crm.findAll(postRequestedFor(urlEqualTo("/calls")));
        Set<String> delivered = received.stream().map(r -> r.getHeader("X-Switchboard-Call-Id")).collect(Collectors.toSet());
        assertThat(delivered).containsExactlyInAnyOrderElementsOf(calls);
        assertThat(received).hasSize(calls.size());

        List<ILoggingEvent> loud = log.warningsAndErrors();
        assertThat(loud).allSatisfy(e -> {
            assertThat(e.getThrowableProxy()).as("stack trace in: %s", e.getFormattedMessage()).isNull();
            assertThat(e.getFormattedMessage()).doesNotContain("outage-secret");
        });
        assertThat(loud).noneMatch(e -> e.getLoggerName().startsWith("org.apache.camel.processor"));
        List<ILoggingEvent> outage = loud.stream().filter(e -> e.getFormattedMessage().contains("'" + SUB + "'")).toList();
        assertThat(outage).allSatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getLoggerName()).isEqualTo("io.switchboard.feed.CallFeedConsumer");
        });
        assertThat(outage).hasSizeGreaterThanOrEqualTo(CALLS_PER_PHASE * 2);
        assertThat(outage).anyMatch(e -> e.getFormattedMessage().contains("HTTP 503"))
                .anyMatch(e -> e.getFormattedMessage().contains("unreachable"));
    }

    private long failedAttempts() {
        return deliveries(SUB).stream().mapToLong(d -> ((Number) d.get("ATTEMPTS")).longValue()).sum();
    }

    private List<String> lastErrors() {
        return deliveries(SUB).stream().map(d -> String.valueOf(d.get("LAST_ERROR"))).toList();
    }

    private Map<String, Long> statuses() {
        return deliveries(SUB).stream().collect(Collectors.groupingBy(d -> (String) d.get("STATUS"), Collectors.counting()));
    }
}
