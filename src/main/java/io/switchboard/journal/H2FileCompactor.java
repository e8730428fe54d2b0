package io.switchboard.journal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;
import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 journal's file smaller; it still grows faster than its data
 * (BENCHMARKS.md, "The H2 journal file: where its size went"). H2 never overwrites a page in
 * place: every commit appends the pages it changed as a new chunk (30 to 50 KB per commit in the
 * hub, a third of it H2's own chunk metadata), and the space of a chunk is reused only once none
 * of its pages is live and it is older than H2's retention time.
 * With {@code WRITE_DELAY=0}, which the hub needs so that a request is in the file before its 200
 * (application.yaml), H2's background writer does not run, so this bean does its two jobs, every
 * {@code interval}:
 *
 * <ul>
 *   <li><b>Rewrites sparse chunks</b> with H2's public {@link MVStore#compact}: while the live
 *       share of the chunks is below {@code target-fill-rate}, H2 moves the live pages of the
 *       sparsest chunks older than the retention time into a new chunk, at most {@code max-rewrite}
 *       per step and for at most {@code max-time}. Without it, a chunk that keeps one live page (a
 *       leaf of a random-key index not touched again) is never reused, and the file grew 5 MB a
 *       second at 100 events/s. The journal's commits wait while a step runs, so steps are small.
 *   <li><b>Forces the file to disk and shortens the retention time</b> ({@link #sync()}): H2
 *       reuses a dead chunk's space only 45 s after it was written, assuming the system has written
 *       everything by then, so by default its file also holds about 90 s of write traffic (600 MB
 *       at 100 events/s, whatever the data). Synced every {@code interval}, with the version of
 *       each sync pinned until the next one, only chunks made dead by commits already on disk are
 *       reused, and H2 may reuse them after {@code retention} (5 s).
 * </ul>
 *
 * <p>Does nothing on PostgreSQL, on an in-memory H2 or with {@code enabled: false} (H2's defaults
 * then apply). Publishes the file's size, the live share of its chunks and the share of the file
 * its chunks take as {@code switchboard.journal.file.bytes}, {@code switchboard.journal.file.fill}
 * and {@code switchboard.journal.file.used}, and the time each forced write took as
 * {@code switchboard.journal.file.sync}.
 */
@Component
class H2FileCompactor implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(H2FileCompactor.class);

    private final DataSource dataSource;
    private final JournalCompactionProperties properties;
    private final MeterRegistry meters;
    private volatile MVStore store;
    private Timer syncs;
    private long syncFailures;
    /** The store {@link #sync()} works on, the retention time H2 had there, and the version pinned. */
    private MVStore syncedStore;
    private int h2Retention;
    private MVStore.TxCounter synced;
    private ScheduledExecutorService compactions;
    private ScheduledExecutorService syncing;
    private volatile boolean running;

    H2FileCompactor(DataSource dataSource, JournalCompactionProperties properties, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public void start() {
        running = true;
        store = fileStore(dataSource);
        if (store == null) {
            return;
        }
        Gauge.builder("switchboard.journal.file.bytes", this, c -> c.measure(FileStore::size))
                .baseUnit("bytes")
                .description("Size of the H2 journal file")
                .register(meters);
        Gauge.builder("switchboard.journal.file.fill", this, c -> c.measure(FileStore::getChunksFillRate))
                .baseUnit("percent")
                .description("Share of the H2 journal file's chunks that is live data (what compaction raises)")
                .register(meters);
        Gauge.builder("switchboard.journal.file.used", this, c -> c.measure(FileStore::getFillRate))
                .baseUnit("percent")
                .description("Share of the H2 journal file taken by chunks; new commits reuse the rest")
                .register(meters);
        if (!properties.enabled()) {
            LOG.info("H2 journal compaction is off (switchboard.journal.compaction.enabled): the file will keep growing");
            return;
        }
        syncs = Timer.builder("switchboard.journal.file.sync")
                .description("Time to force the H2 journal file to disk (once per compaction interval)")
                .register(meters);
        long every = properties.interval().toMillis();
        compactions = thread("journal-compactor");
        compactions.scheduleWithFixedDelay(this::compactQuietly, every, every, TimeUnit.MILLISECONDS);
        // A thread of its own, so that a compaction step waiting for a connection does not hold the
        // syncs back (a late sync only delays the reuse of space, see sync()).
        syncing = thread("journal-sync");
        syncing.scheduleWithFixedDelay(this::syncQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    private static ScheduledExecutorService thread(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * One look at the file: steps of at most {@code max-rewrite} while the fill rate is below the
     * target, for at most {@code max-time}.
     *
     * @return the steps that rewrote something
     */
    int compact() throws SQLException {
        long deadline = System.nanoTime() + properties.maxTime().toNanos();
        int steps = 0;
        while (step()) {
            steps++;
            if (System.nanoTime() - deadline >= 0) {
                break;
            }
        }
        return steps;
    }

    /**
     * Rewrites the sparsest chunks, at most {@code max-rewrite}, if the fill rate is below the
     * target. Holds a connection meanwhile, so the database cannot close under it, and takes the
     * store afresh each time, in case the database was closed and opened again.
     *
     * @return whether H2 rewrote anything
     */
    boolean step() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            MVStore s = fileStore(connection);
            store = s;
            if (s == null || !s.compact(properties.targetFillRate(), (int) properties.maxRewrite().toBytes())) {
                return false;
            }
            // The rewritten pages are in memory until the store's next commit, and the chunks they
            // left are freed only by the commit after that. With traffic, the hub's own commits do
            // both; when it is idle, this one does.
            s.commit();
            return true;
        }
    }

    /**
     * Forces the file to disk, and lets H2 reuse the space of a dead chunk only once the commit
     * that made it dead is on disk, which lets the hub shorten H2's retention time.
     *
     * <p>A power cut must never find a chunk's space overwritten while the commit that replaced its
     * pages is not yet on disk: H2 would then open the file at an older commit that still needs
     * that chunk. H2 never forces its file to disk (with {@code WRITE_DELAY=0} each commit is
     * written, not synced), so it waits until a dead chunk is 45 s old (its retention time),
     * assuming the system has written everything by then; its file holds about 45 s of commits
     * plus up to 45 s of dead chunks waiting their turn, 600 MB at 100 events/s whatever the data.
     * Here every sync first pins the store's current version, as an open transaction would, with
     * no commit under way (under H2's store lock), then forces the file: when it returns, every
     * commit before that version is on disk, and the pin of the sync before is released. H2 frees
     * a dead chunk only once the version that made it dead is older than every pin, so only chunks
     * made dead by commits already on disk are reused, whatever the retention time, which is then
     * set to {@code retention}. A sync that fails or is late keeps its predecessor's pin: the file
     * grows meanwhile, and nothing unsafe is reused.
     *
     * @return the version now pinned, or -1 without an H2 file
     */
    synchronized long sync() {
        MVStore found = store; // without a connection from the pool, which can keep a caller waiting
        if (found == null || found.isClosed()) {
            found = fileStore(dataSource); // at the first sync, or after the database was reopened
            store = found;
            if (found == null) {
                return -1;
            }
        }
        MVStore s = found;
        if (s != syncedStore) { // a store new to this bean: nothing pinned there yet
            syncedStore = s;
            synced = null;
            h2Retention = s.getRetentionTime();
            int retention = (int) properties.retention().toMillis();
            s.executeFilestoreOperation(() -> s.setRetentionTime(retention));
        }
        MVStore.TxCounter[] pin = new MVStore.TxCounter[1];
        s.executeFilestoreOperation(() -> pin[0] = s.registerVersionUsage());
        long start = System.nanoTime();
        try {
            s.sync();
        } catch (RuntimeException e) {
            s.deregisterVersionUsage(pin[0]);
            throw e;
        }
        if (syncs != null) {
            syncs.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
        if (synced != null) {
            s.deregisterVersionUsage(synced);
        }
        synced = pin[0];
        // H2 frees dead chunks at its next commit; with no traffic there would be none. As H2's
        // own chunk moving does, under its store lock.
        s.executeFilestoreOperation(() -> s.getFileStore().dropUnusedChunks());
        return synced.version;
    }

    /** Gives H2 back its own retention time and the last pin: H2's own rules apply from here on. */
    private synchronized void unpin() {
        MVStore s = syncedStore;
        if (s != null && !s.isClosed()) {
            int retention = h2Retention;
            s.executeFilestoreOperation(() -> s.setRetentionTime(retention));
            if (synced != null) {
                s.deregisterVersionUsage(synced);
            }
        }
        syncedStore = null;
        synced = null;
    }

    private void syncQuietly() {
        try {
            sync();
        } catch (RuntimeException e) {
            // The last pin stays: nothing is reused that a crash could need. The next sync tries again.
            if (syncFailures++ % 60 == 0) {
                LOG.warn("Forcing the H2 journal file to disk failed ({} times so far): {}", syncFailures, e.toString());
            }
        }
    }

    private void compactQuietly() {
        try {
            compact();
        } catch (SQLException | RuntimeException e) {
            MVStore s = store;
            if (s != null && s.isClosed()) {
                // H2 closes its store on a failed write (a full disk, an I/O error), whoever wrote:
                // the journal is down until the hub restarts, as it would be after a failed commit.
                LOG.error("H2 journal store closed after a failed compaction step: {}", e.toString());
            } else {
                // Typically the database closing while the hub stops; the next look tries again.
                LOG.warn("H2 journal compaction failed: {}", e.toString());
            }
        }
    }

    private double measure(ToDoubleFunction<FileStore<?>> what) {
        MVStore s = store;
        return s == null || s.isClosed() ? Double.NaN : what.applyAsDouble(s.getFileStore());
    }

    /** The MVStore behind an embedded H2 file database, or null for anything else. */
    static MVStore fileStore(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return fileStore(connection);
        } catch (SQLException e) {
            LOG.warn("Could not look at the journal database for compaction: {}", e.toString());
            return null;
        }
    }

    private static MVStore fileStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null; // not H2, or H2 over TCP (its server keeps its own file)
        }
        Database database = session.getDatabase();
        Store h2 = database.getStore();
        MVStore mv = h2 == null ? null : h2.getMvStore();
        return database.isPersistent() && mv != null && mv.getFileStore() != null ? mv : null;
    }

    @Override
    public void stop() {
        running = false;
        for (ScheduledExecutorService timer : new ScheduledExecutorService[] {compactions, syncing}) {
            if (timer == null) {
                continue;
            }
            // Not shutdownNow(): an interrupt during a file write closes H2's FileChannel, and with it the store.
            timer.shutdown();
            try {
                timer.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        compactions = null;
        syncing = null;
        try {
            unpin();
        } catch (RuntimeException e) {
            LOG.warn("Could not give H2 back its retention time: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
