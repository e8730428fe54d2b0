package io.switchboard.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.config.SwitchboardProperties;
import io.switchboard.ingress.Dialects;
import io.switchboard.ingress.InboundRequest;
import io.switchboard.ingress.Sources;
import io.switchboard.journal.CallJournal;
import io.switchboard.journal.JournalWriteLock;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The processor's linger: once caught up it lets rows gather, so rows committed one by one within
 * the linger reach the journal in one transaction, and a full batch does not wait for it.
 */
class InboxProcessorLingerTest {

    /** The inbox as the processor sees it: ids in order, each pending until marked done. */
    private static final class MemoryInbox implements Inbox {
        private final TreeSet<Long> pending = new TreeSet<>();
        final List<List<Long>> doneBatches = new CopyOnWriteArrayList<>();

        synchronized void add(long id) {
            pending.add(id);
        }

        @Override
        public List<Long> appendAll(List<InboundRequest> requests) {
            throw new UnsupportedOperationException();
        }

        @Override
        public synchronized List<Long> pendingIds(int limit) {
            return pending.stream().limit(limit).toList();
        }

        @Override
        public List<InboundRequest> requests(List<Long> ids) {
            return List.of(); // every row's translation is handed over
        }

        @Override
        public synchronized void markDone(List<Long> ids) {
            if (ids.isEmpty()) {
                return; // as JdbcInbox: nothing to mark
            }
            pending.removeAll(ids);
            doneBatches.add(List.copyOf(ids));
        }

        @Override
        public void markFailed(long id, String reason) {
            throw new AssertionError("row " + id + " failed: " + reason);
        }

        @Override
        public synchronized long countPending() {
            return pending.size();
        }
    }

    private final MemoryInbox inbox = new MemoryInbox();
    private final NoDatabase transactions = new NoDatabase();
    private final List<Long> recorded = new CopyOnWriteArrayList<>();
    private InboxProcessor processor;

    private InboxProcessor start(Duration linger) {
        CallJournal journal = (CallJournal) Proxy.newProxyInstance(
                CallJournal.class.getClassLoader(), new Class<?>[] {CallJournal.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("record")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    recorded.add((Long) args[0]);
                    return 0;
                });
        SwitchboardProperties properties = new SwitchboardProperties(
                "http://localhost:8080", "FR", new SwitchboardProperties.Ingress(262_144, Duration.ofMinutes(10), 512, linger, Duration.ZERO), List.of());
        processor = new InboxProcessor(inbox, journal, new Dialects(List.of()), new Sources(properties),
                new TransactionTemplate(transactions), new JournalWriteLock(), properties, new SimpleMeterRegistry());
        processor.start();
        return processor;
    }

    /** What the inbox writer does for one committed request (translation handed over first). */
    private void commitRow(long id) {
        processor.translated(id, List.of());
        inbox.add(id);
        processor.committed(1);
    }

    @AfterEach
    void stop() {
        if (processor != null) {
            processor.stop();
        }
    }

    @Test
    void rowsCommittedWhileItLingersShareOneJournalTransaction() {
        start(Duration.ofSeconds(3));
        commitRow(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.doneBatches.size() == 1);
        // The processor has just drained row 1 alone and lingers now: rows 2 and 3 wait for it.
        commitRow(2);
        commitRow(3);

        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.countPending() == 0);
        assertThat(inbox.doneBatches).containsExactly(List.of(1L), List.of(2L, 3L));
        assertThat(recorded).containsExactly(1L, 2L, 3L);
        assertThat(transactions.commits).hasValue(2);
    }

    /** Whether the processor's thread is waiting inside its linger right now. */
    private static boolean lingering() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().equals("inbox-processor"))
                .flatMap(e -> java.util.Arrays.stream(e.getValue()))
                .anyMatch(frame -> frame.getClassName().equals(InboxProcessor.class.getName())
                        && frame.getMethodName().equals("linger"));
    }

    @Test
    void aFullBatchEndsTheLingerAtOnce() {
        start(Duration.ofHours(1));
        // One row puts the processor into an hour-long linger (after a drain that may or may not
        // have taken that row already).
        commitRow(1);
        await().atMost(Duration.ofSeconds(10)).until(InboxProcessorLingerTest::lingering);

        // A full batch (256 rows) is committed since that drain began: taken without waiting the
        // hour. (Row 1 may have been counted before that drain began, so it is not one of them.)
        List<Long> all = new ArrayList<>(List.of(1L));
        LongStream.rangeClosed(2, 257).forEach(id -> {
            processor.translated(id, List.of());
            inbox.add(id);
            all.add(id);
        });
        processor.committed(256);

        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.countPending() == 0);
        assertThat(inbox.doneBatches.stream().flatMap(List::stream).toList()).isEqualTo(all);
        assertThat(recorded).isEqualTo(all);
    }

    @Test
    void withoutALingerEachCommitIsProcessedOnItsOwn() {
        start(Duration.ZERO);
        for (long id = 1; id <= 3; id++) {
            commitRow(id);
            long expected = id;
            await().atMost(Duration.ofSeconds(10)).until(() -> inbox.doneBatches.size() == expected);
        }
        assertThat(inbox.doneBatches).containsExactly(List.of(1L), List.of(2L), List.of(3L));
    }
}
