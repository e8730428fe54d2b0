package io.switchboard.pms.fias;

import static org.awaitility.Awaitility.await;

import io.switchboard.HubIntegrationTest;
import io.switchboard.pms.charge.Posting;
import io.switchboard.pms.charge.PostingStore;
import io.switchboard.pms.fias.FiasPmsSimulator.PostingReply;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Benchmark, not a test (not run by the build): postings per second through the real connector
 * inside the hub over a local simulator link, with the PMS answering at once or after a set delay
 * (one PS in flight makes throughput ≈ 1 / round trip), and the recovery time after a link drop.
 * Run with {@code bench/pms/run.sh}; results in {@code target/bench-pms.md}.
 */
@DirtiesContext
class FiasLinkBench extends HubIntegrationTest {

    static final FiasPmsSimulator PMS = FiasPmsSimulator.started();
    static final List<String> REPORT = new ArrayList<>();

    @DynamicPropertySource
    static void pms(DynamicPropertyRegistry registry) {
        registry.add("switchboard.pms.fias.enabled", () -> "true");
        registry.add("switchboard.pms.fias.port", PMS::port);
        registry.add("switchboard.pms.fias.backoff-initial", () -> System.getProperty("bench.backoff", "1s"));
        registry.add("logging.level.io.switchboard", () -> "WARN");
    }

    @AfterAll
    static void write() throws IOException {
        PMS.close();
        Files.writeString(Path.of("target/bench-pms.md"), String.join("\n", REPORT) + "\n");
        REPORT.forEach(System.out::println);
    }

    @Autowired
    PostingStore postings;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FiasConnector connector;

    @Test
    void throughputAndRecovery() {
        await().atMost(WAIT).until(() -> connector.state() == FiasConnector.State.UP);
        int n = Integer.getInteger("bench.postings", 2000);
        REPORT.add("| PMS answer delay | postings | seconds | postings/s | ms per posting (PS → PA → stored → next PS) |");
        REPORT.add("|---|---|---|---|---|");
        throughput(n / 4, Duration.ZERO); // warm-up, not reported
        REPORT.remove(REPORT.size() - 1);
        throughput(n, Duration.ZERO);
        throughput(Math.max(50, n / 10), Duration.ofMillis(5));
        throughput(Math.max(20, n / 40), Duration.ofMillis(20));
        recovery(Integer.getInteger("bench.drops", 5));
    }

    private void throughput(int count, Duration pmsDelay) {
        PMS.defaultPostingReply(pmsDelay.isZero() ? PostingReply.ok() : PostingReply.delayed(pmsDelay, "OK"));
        PMS.sendLinkEnd();
        await().atMost(WAIT).until(() -> connector.state() == FiasConnector.State.ENDED_BY_PMS);
        for (int i = 0; i < count; i++) {
            postings.insert(posting(), Instant.now());
        }
        long start = System.nanoTime();
        PMS.sendLinkStart();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM pms_postings WHERE status IN ('PENDING', 'SENT')", Integer.class) == 0);
        double seconds = (System.nanoTime() - start) / 1e9;
        REPORT.add(String.format(Locale.ROOT, "| %d ms | %d | %.2f | %.0f | %.2f |", pmsDelay.toMillis(), count, seconds,
                count / seconds, seconds * 1000 / count));
    }

    private void recovery(int drops) {
        PMS.defaultPostingReply(PostingReply.ok());
        List<Double> upAgain = new ArrayList<>();
        for (int i = 0; i < drops; i++) {
            await().atMost(WAIT).until(() -> connector.state() == FiasConnector.State.UP);
            long start = System.nanoTime();
            PMS.dropLink();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(5))
                    .until(() -> connector.state() != FiasConnector.State.UP);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5))
                    .until(() -> connector.state() == FiasConnector.State.UP);
            upAgain.add((System.nanoTime() - start) / 1e6);
        }
        upAgain.sort(Double::compare);
        REPORT.add("");
        REPORT.add(String.format(Locale.ROOT,
                "Recovery after a link drop (backoff-initial %s): link UP again after median %.0f ms, min %.0f ms, max %.0f ms (%d drops)",
                System.getProperty("bench.backoff", "1s"), upAgain.get(upAgain.size() / 2), upAgain.get(0),
                upAgain.get(upAgain.size() - 1), drops));
    }

    private static Posting posting() {
        String callId = UUID.randomUUID().toString();
        return new Posting(Posting.idFor(callId), callId, "fias", "101", "101", "R1", "C", new BigDecimal("1.35"), "EUR",
                125, "0033612345678", "France mobile", Instant.now(), null, Posting.Status.PENDING, null, 0);
    }
}
