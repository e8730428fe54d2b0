package io.switchboard.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.config.SwitchboardProperties;
import io.switchboard.ingress.Dialects;
import io.switchboard.ingress.InboundRequest;
import io.switchboard.ingress.Sources;
import io.switchboard.journal.JournalWriteLock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox writer's linger: requests that arrive while it lingers share one commit, enough of
 * them end it early, a lone request is committed when it ends, and neither a stop nor an interrupt
 * loses what gathered.
 */
class InboxWriterLingerTest {

    /** Stores nothing; hands out ids and remembers how many requests each insert carried. */
    private static final class MemoryInbox implements Inbox {
        private final AtomicLong ids = new AtomicLong();
        final List<Integer> inserts = new CopyOnWriteArrayList<>();

        @Override
        public List<Long> appendAll(List<InboundRequest> requests) {
            inserts.add(requests.size());
            return requests.stream().map(r -> ids.incrementAndGet()).toList();
        }

        @Override
        public List<Long> pendingIds(int limit) {
            return List.of();
        }

        @Override
        public List<InboundRequest> requests(List<Long> ids) {
            return List.of();
        }

        @Override
        public void markDone(List<Long> ids) {}

        @Override
        public void markFailed(long id, String reason) {}

        @Override
        public long countPending() {
            return 0;
        }
    }

    private final MemoryInbox inbox = new MemoryInbox();
    private final NoDatabase transactions = new NoDatabase();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private InboxWriter writer;

    private static SwitchboardProperties properties(Duration inboxLinger) {
        return new SwitchboardProperties("http://localhost:8080", "FR",
                new SwitchboardProperties.Ingress(262_144, Duration.ofMinutes(10), 512, Duration.ZERO, inboxLinger),
                List.of());
    }

    private void start(Duration linger) {
        SwitchboardProperties properties = properties(Duration.ZERO);
        // Never started: the writer only hands it translations and commit counts.
        InboxProcessor processor = new InboxProcessor(inbox, null, new Dialects(List.of()), new Sources(properties),
                new TransactionTemplate(transactions), new JournalWriteLock(), properties, meters);
        writer = new InboxWriter(inbox, new TransactionTemplate(transactions), processor, properties, meters,
                linger.toNanos());
        writer.start();
    }

    private static InboundRequest request(int n) {
        return new InboundRequest("telphin", "office", "GET", "CallID=" + n, null, null, null, Instant.EPOCH, null);
    }

    private List<CompletableFuture<Void>> append(int count) {
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(writer.append(request(i), List.of()));
        }
        return futures;
    }

    private static void awaitAll(List<CompletableFuture<Void>> futures, long millis) throws Exception {
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(millis, TimeUnit.MILLISECONDS);
    }

    @AfterEach
    void stop() {
        if (writer != null && writer.isRunning()) {
            writer.stop();
        }
    }

    @Test
    void enoughRequestsEndTheLingerAndShareOneCommit() throws Exception {
        start(Duration.ofMinutes(1));

        // Queued at once or joined during the linger: either way one commit, long before the
        // linger's minute is up.
        awaitAll(append(InboxWriter.FULL_ENOUGH), 10_000);

        assertThat(inbox.inserts).containsExactly(InboxWriter.FULL_ENOUGH);
        assertThat(transactions.commits).hasValue(1);
        DistributionSummary sizes = meters.get("switchboard.inbox.commit.requests").summary();
        assertThat(sizes.count()).isEqualTo(1);
        assertThat(sizes.totalAmount()).isEqualTo(InboxWriter.FULL_ENOUGH);
    }

    @Test
    void aLoneRequestIsCommittedWhenTheLingerEnds() throws Exception {
        start(Duration.ofMillis(200));
        long started = System.nanoTime();

        awaitAll(append(1), 10_000);

        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
        assertThat(inbox.inserts).containsExactly(1);
    }

    /** Whether this test's writer waits inside its linger right now. */
    private boolean lingering() {
        return Arrays.stream(writer.thread().getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(InboxWriter.class.getName())
                        && frame.getMethodName().equals("linger"));
    }

    @Test
    void stoppingEndsALingerAndCommitsWhatGathered() throws Exception {
        start(Duration.ofMinutes(1));
        List<CompletableFuture<Void>> futures = append(3);
        await().atMost(Duration.ofSeconds(10)).until(this::lingering);
        long started = System.nanoTime();

        writer.stop();

        assertThat(System.nanoTime() - started).as("stop waited out the linger").isLessThan(Duration.ofSeconds(10).toNanos());
        awaitAll(futures, 0);
        assertThat(inbox.inserts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
        assertThat(writer.append(request(4), List.of())).isCompletedExceptionally();
    }

    @Test
    void anInterruptDuringALingerStillCommitsWhatGatheredThenRefusesNewRequests() throws Exception {
        start(Duration.ofMinutes(1));
        List<CompletableFuture<Void>> futures = append(2);
        await().atMost(Duration.ofSeconds(10)).until(this::lingering);

        writer.thread().interrupt();

        awaitAll(futures, 10_000);
        assertThat(inbox.inserts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> !writer.isRunning());
        assertThat(writer.append(request(3), List.of())).isCompletedExceptionally();
    }

    @Test
    void aLingerLongerThanASecondOrNegativeIsRefused() {
        assertThatThrownBy(() -> properties(Duration.ofMillis(1001)))
                .hasMessageContaining("switchboard.ingress.inbox-linger must be between 0 and 1s");
        assertThatThrownBy(() -> properties(Duration.ofMillis(-1)))
                .hasMessageContaining("switchboard.ingress.inbox-linger");
        assertThat(properties(Duration.ofSeconds(1)).ingress().inboxLinger()).isEqualTo(Duration.ofSeconds(1));
    }
}
