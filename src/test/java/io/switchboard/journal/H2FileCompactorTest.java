package io.switchboard.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** The compactor against a real H2 file written the way the hub writes it (WRITE_DELAY=0). */
class H2FileCompactorTest {

    private static final int ROWS = 4_000;

    @TempDir
    Path dir;

    private JdbcDataSource h2(String url) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        return ds;
    }

    /**
     * H2 rewrites only chunks older than its retention time (45 s by default, so that a crash can
     * still read the last versions); zero here makes the churn's chunks eligible at once.
     */
    private JdbcDataSource fileJournal() {
        return h2("jdbc:h2:file:" + dir.resolve("journal") + ";WRITE_DELAY=0;RETENTION_TIME=0");
    }

    /** Compaction as the hub runs it, with room enough that one {@code compact()} reaches the target. */
    private static JournalCompactionProperties properties(int targetFillRate) {
        return new JournalCompactionProperties(
                true, Duration.ofSeconds(10), targetFillRate, DataSize.ofMegabytes(1), Duration.ofSeconds(10), Duration.ofSeconds(45));
    }

    /**
     * Rows keyed by random values and updated one small transaction at a time, as the inbox and
     * the calls table are: each commit appends a chunk, and old chunks keep a few live pages.
     */
    private static long churn(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, k VARCHAR(40), v VARCHAR(200))");
            s.execute("CREATE INDEX t_k ON t (k)");
        }
        c.setAutoCommit(false);
        Random random = new Random(7);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?)");
                PreparedStatement update = c.prepareStatement("UPDATE t SET k = ?, v = ? WHERE id = ?")) {
            for (int i = 0; i < ROWS; i++) {
                insert.setLong(1, i);
                insert.setString(2, UUID.randomUUID().toString());
                insert.setString(3, "payload " + i + " " + "x".repeat(150));
                insert.executeUpdate();
                if (i % 10 == 9) {
                    c.commit();
                }
            }
            for (int i = 0; i < ROWS; i++) {
                long id = random.nextInt(ROWS);
                update.setString(1, UUID.randomUUID().toString());
                update.setString(2, "updated " + id + " " + "y".repeat(150));
                update.setLong(3, id);
                update.executeUpdate();
                if (i % 10 == 9) {
                    c.commit();
                }
            }
        }
        c.commit();
        c.setAutoCommit(true);
        return checksum(c);
    }

    private static long checksum(Connection c) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(id * LENGTH(v)), COUNT(DISTINCT k) FROM t")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(ROWS);
            assertThat(rs.getLong(3)).isEqualTo(ROWS);
            return rs.getLong(2);
        }
    }

    @Test
    void rewritesSparseChunksUntilTheFileIsAsFullAsTheTargetAndKeepsEveryRow() throws Exception {
        JdbcDataSource ds = fileJournal();
        long before;
        try (Connection held = ds.getConnection()) { // keeps the database open, as the pool does
            before = churn(held);
            MVStore store = H2FileCompactor.fileStore(ds);
            assertThat(store).isNotNull();
            int sparse = store.getFileStore().getChunksFillRate();
            assertThat(sparse).as("fill rate after the churn").isLessThan(60);

            H2FileCompactor compactor = new H2FileCompactor(ds, properties(80), new SimpleMeterRegistry());
            assertThat(compactor.compact()).as("steps").isPositive();
            assertThat(compactor.step()).as("a step once the target is reached").isFalse();
            assertThat(store.getFileStore().getChunksFillRate()).isGreaterThanOrEqualTo(80).isGreaterThan(sparse);
            assertThat(checksum(held)).isEqualTo(before);
        }
        // and what was rewritten is what a reopened file reads
        try (Connection reopened = ds.getConnection()) {
            assertThat(checksum(reopened)).isEqualTo(before);
        }
    }

    /**
     * Compaction beside live writers, then a crash: every committed row is back after the restart,
     * the uncommitted one is not. A short retention time (not zero) lets chunks be rewritten soon
     * while H2 still keeps the versions a crash needs.
     */
    @Test
    void aCrashDuringCompactionWithWritersLosesNothingCommittedAndKeepsNothingUncommitted() throws Exception {
        JdbcDataSource ds = h2("jdbc:h2:file:" + dir.resolve("crash") + ";WRITE_DELAY=0;RETENTION_TIME=100");
        long before;
        long committed;
        Connection held = ds.getConnection();
        Connection open = ds.getConnection();
        try {
            before = churn(held);
            try (Statement s = held.createStatement()) {
                s.execute("CREATE TABLE u (id BIGINT PRIMARY KEY, v VARCHAR(100))");
            }
            open.setAutoCommit(false);
            try (Statement s = open.createStatement()) {
                s.execute("INSERT INTO t VALUES (-1, 'uncommitted', 'never committed')");
            }
            AtomicLong written = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            Thread writer = new Thread(() -> {
                try (Connection w = ds.getConnection();
                        PreparedStatement insert = w.prepareStatement("INSERT INTO u VALUES (?, ?)")) {
                    while (!stop.get()) {
                        long id = written.get();
                        insert.setLong(1, id);
                        insert.setString(2, "row " + id);
                        insert.executeUpdate(); // auto-commit: one commit per row
                        written.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            // as the hub runs it: rewrite, then sync and shorten the retention time
            H2FileCompactor compactor = new H2FileCompactor(ds, new JournalCompactionProperties(
                    true, Duration.ofMillis(100), 90, DataSize.ofMegabytes(1), Duration.ofMillis(100), Duration.ofMillis(100)),
                    new SimpleMeterRegistry());
            await().atMost(Duration.ofSeconds(20)).until(() -> compactor.compact() > 0 & compactor.sync() > 0 & written.get() > 100);
            stop.set(true);
            writer.join(10_000);
            assertThat(writer.isAlive()).isFalse();
            committed = written.get();
            try (Statement s = held.createStatement()) {
                s.execute("SHUTDOWN IMMEDIATELY"); // no close, no last write: a crash
            }
        } finally {
            closeQuietly(open);
            closeQuietly(held);
        }
        try (Connection reopened = ds.getConnection();
                Statement s = reopened.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*), MIN(id), MAX(id) FROM u")) {
            assertThat(checksum(reopened)).isEqualTo(before); // and row -1 is absent: COUNT(*) = ROWS
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(committed);
            assertThat(rs.getLong(3)).isEqualTo(committed - 1);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (Exception e) {
            // the database is already shut down
        }
    }

    @Test
    void onceStartedCompactsOnItsOwnTimer() throws Exception {
        JdbcDataSource ds = fileJournal();
        try (Connection held = ds.getConnection()) {
            long before = churn(held);
            MVStore store = H2FileCompactor.fileStore(ds);
            H2FileCompactor compactor = new H2FileCompactor(ds, new JournalCompactionProperties(
                    true, Duration.ofMillis(50), 80, DataSize.ofMegabytes(1), Duration.ofMillis(20), Duration.ofMillis(50)),
                    new SimpleMeterRegistry());
            compactor.start();
            try {
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> store.getFileStore().getChunksFillRate() >= 80);
            } finally {
                compactor.stop();
            }
            assertThat(checksum(held)).isEqualTo(before);
        }
    }

    @Test
    void leavesAFileAboveTheTargetAlone() throws Exception {
        JdbcDataSource ds = fileJournal();
        try (Connection held = ds.getConnection()) {
            churn(held);
            int fill = H2FileCompactor.fileStore(ds).getFileStore().getChunksFillRate();
            H2FileCompactor compactor = new H2FileCompactor(ds, properties(Math.max(1, fill - 5)), new SimpleMeterRegistry());
            assertThat(compactor.step()).isFalse();
        }
    }

    @Test
    void publishesTheFileSizeAndFillRateWhenStarted() throws Exception {
        JdbcDataSource ds = fileJournal();
        try (Connection held = ds.getConnection()) {
            churn(held);
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            // compaction off: the gauges are published all the same, and nothing changes the file
            H2FileCompactor compactor = new H2FileCompactor(ds, new JournalCompactionProperties(
                    false, Duration.ofSeconds(1), 60, DataSize.ofMegabytes(1), Duration.ofSeconds(1), Duration.ofSeconds(5)), meters);
            compactor.start();
            try {
                double bytes = meters.get("switchboard.journal.file.bytes").gauge().value();
                assertThat(bytes).isEqualTo((double) Files.size(dir.resolve("journal.mv.db")));
                assertThat(meters.get("switchboard.journal.file.fill").gauge().value()).isBetween(1.0, 59.0);
                assertThat(meters.get("switchboard.journal.file.used").gauge().value()).isBetween(1.0, 100.0);
                assertThat(meters.find("switchboard.journal.file.sync").timer()).as("no sync when off").isNull();
                assertThat(H2FileCompactor.fileStore(ds).getRetentionTime()).as("H2's own, from the URL").isZero();
            } finally {
                compactor.stop();
            }
            assertThat(compactor.isRunning()).isFalse();
        }
    }

    @Test
    void doesNothingOnAnInMemoryDatabase() throws Exception {
        JdbcDataSource ds = h2("jdbc:h2:mem:compactor-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        H2FileCompactor compactor = new H2FileCompactor(ds, properties(60), meters);
        compactor.start();
        try {
            assertThat(H2FileCompactor.fileStore(ds)).isNull();
            assertThat(compactor.step()).isFalse();
            assertThat(compactor.sync()).isEqualTo(-1);
            assertThat(meters.find("switchboard.journal.file.bytes").gauge()).isNull();
        } finally {
            compactor.stop();
        }
    }

    @Test
    void refusesAnIntervalOrRewriteLimitThatCannotWork() {
        Duration second = Duration.ofSeconds(1);
        DataSize mb = DataSize.ofMegabytes(1);
        Duration five = Duration.ofSeconds(5);
        assertThatThrownBy(() -> new JournalCompactionProperties(true, Duration.ZERO, 60, mb, Duration.ZERO, five))
                .hasMessageContaining("interval");
        assertThatThrownBy(() -> new JournalCompactionProperties(true, second, 60, DataSize.ofBytes(0), second, five))
                .hasMessageContaining("max-rewrite");
        assertThatThrownBy(() -> new JournalCompactionProperties(true, second, 60, mb, Duration.ofSeconds(2), five))
                .hasMessageContaining("max-time");
        assertThatThrownBy(() -> new JournalCompactionProperties(true, second, 60, mb, second, Duration.ofMillis(999)))
                .hasMessageContaining("retention must be at least the interval");
        assertThatThrownBy(() -> new JournalCompactionProperties(true, second, 60, mb, second, null))
                .hasMessageContaining("retention");
    }

    private static JournalCompactionProperties retention(Duration interval, Duration retention) {
        return new JournalCompactionProperties(true, interval, 60, DataSize.ofKilobytes(256), interval, retention);
    }

    /** Bytes the file grows by over {@code commits} commits that each replace a row's pages. */
    private static long growth(MVStore store, PreparedStatement merge, Random random, int commits) throws Exception {
        long before = store.getFileStore().size();
        for (int i = 0; i < commits; i++) {
            long id = random.nextInt(200);
            merge.setLong(1, id);
            merge.setString(2, UUID.randomUUID().toString());
            merge.setString(3, "row " + id + " " + "p".repeat(150));
            merge.executeUpdate();
        }
        return store.getFileStore().size() - before;
    }

    /**
     * What makes a short retention time safe: a chunk's space is reused only once the commit that
     * made it dead is on disk, i.e. older than the last sync. Here H2 may reuse any dead chunk at
     * once (retention 1 ms); between two syncs the file still grows by every commit, and after the
     * next sync the space of what died before it is reused.
     */
    @Test
    void reusesOnlyTheSpaceOfChunksMadeDeadBeforeTheLastSync() throws Exception {
        JdbcDataSource ds = h2("jdbc:h2:file:" + dir.resolve("pinned") + ";WRITE_DELAY=0");
        try (Connection held = ds.getConnection()) {
            try (Statement s = held.createStatement()) {
                s.execute("CREATE TABLE u (id BIGINT PRIMARY KEY, k VARCHAR(40), v VARCHAR(200))");
            }
            MVStore store = H2FileCompactor.fileStore(ds);
            H2FileCompactor compactor = new H2FileCompactor(ds, new JournalCompactionProperties(
                    true, Duration.ofMillis(1), 60, DataSize.ofKilobytes(256), Duration.ofMillis(1), Duration.ofMillis(1)),
                    new SimpleMeterRegistry());
            Random random = new Random(3);
            try (PreparedStatement merge = held.prepareStatement("MERGE INTO u KEY (id) VALUES (?, ?, ?)")) {
                assertThat(store.getRetentionTime()).isEqualTo(45_000);
                growth(store, merge, random, 400); // the 200 rows exist
                long first = compactor.sync();
                assertThat(first).isPositive();
                assertThat(store.getRetentionTime()).isEqualTo(1);
                long unsynced = growth(store, merge, random, 400); // all dead after the sync: kept
                long again = growth(store, merge, random, 400);
                assertThat(again).as("still no sync: nothing reused").isGreaterThan(unsynced / 2);
                assertThat(compactor.sync()).isGreaterThan(first);
                long synced = growth(store, merge, random, 400); // what died before the sync: reused
                assertThat(synced).as("after the sync, against %d before it", again).isLessThan(again / 4);
            } finally {
                compactor.stop(); // releases its pin before the database closes, as the hub does
            }
            assertThat(store.getRetentionTime()).as("H2's own again").isEqualTo(45_000);
        }
    }

    /**
     * The defect the retention time fixes: H2 reuses a chunk's space only 45 s after it was
     * written, so a file under steady commits grows for at least 45 s, by every commit (by 20 MB a
     * second at this writer's pace). With the file synced and a 2 s retention time, it stops
     * growing while the commits go on, and every committed row is there; stopped, the compactor
     * gives H2 back its own retention time.
     */
    @Test
    void withTheFileSyncedH2ReusesSpaceAfterTheShortRetentionTime() throws Exception {
        JdbcDataSource ds = h2("jdbc:h2:file:" + dir.resolve("steady") + ";WRITE_DELAY=0"); // H2's own 45 s
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        AtomicLong written = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        try (Connection held = ds.getConnection()) {
            try (Statement s = held.createStatement()) {
                s.execute("CREATE TABLE u (id BIGINT PRIMARY KEY, k VARCHAR(40), v VARCHAR(200))");
                s.execute("CREATE INDEX u_k ON u (k)");
            }
            MVStore store = H2FileCompactor.fileStore(ds);
            assertThat(store.getRetentionTime()).isEqualTo(45_000);
            Thread writer = new Thread(() -> {
                Random random = new Random(11);
                try (Connection w = ds.getConnection();
                        PreparedStatement merge = w.prepareStatement("MERGE INTO u KEY (id) VALUES (?, ?, ?)")) {
                    // one commit per row, over 500 rows with random keys, at most 1,000 a second
                    // and 20,000 in all (about 500 MB of file with H2's own retention time)
                    while (!stop.get() && written.get() < 20_000) {
                        LockSupport.parkNanos(1_000_000);
                        long id = random.nextInt(500);
                        merge.setLong(1, id);
                        merge.setString(2, UUID.randomUUID().toString());
                        merge.setString(3, "row " + id + " " + "z".repeat(150));
                        merge.executeUpdate();
                        written.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            H2FileCompactor compactor = new H2FileCompactor(
                    ds, retention(Duration.ofMillis(100), Duration.ofSeconds(2)), meters);
            compactor.start();
            writer.start();
            try {
                long[] last = {-1, 0};
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    long size = store.getFileStore().size();
                    long commits = written.get();
                    boolean steady = size == last[0] && commits - last[1] >= 100;
                    last[0] = size;
                    last[1] = commits;
                    return steady;
                });
            } finally {
                stop.set(true);
                writer.join(10_000);
                compactor.stop();
            }
            assertThat(writer.isAlive()).isFalse();
            assertThat(written.get()).as("stopped by the test, not by its cap").isLessThan(20_000);
            assertThat(store.getRetentionTime()).as("H2's own again").isEqualTo(45_000);
            assertThat(meters.get("switchboard.journal.file.sync").timer().count()).isPositive();
            try (Statement s = held.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT k) FROM u")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(rs.getLong(2)).isBetween(1L, 500L);
            }
        }
    }
}
