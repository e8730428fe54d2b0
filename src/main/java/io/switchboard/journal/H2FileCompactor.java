package io.switchboard.journal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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
 * Slows the growth of the embedded H2 journal's file (by ten at 100 events/s; it still grows, see
 * BENCHMARKS.md, "The H2 journal file"). H2 never overwrites a page in
 * place: every commit appends the pages it changed as a new chunk, and a chunk's space is reused
 * only once none of its pages is live any more. Rows spread over random-key indexes leave a few
 * live pages in almost every old chunk, so without compaction the file grows several times faster
 * than the data: 13 GB for 1.44 million events, 29 % of it live, or at a steady 1,000 events/s
 * 16 MB a second, 10 % live (BENCHMARKS.md, "The H2 journal file"). H2's own background writer
 * rewrites such chunks, but it only runs with a {@code WRITE_DELAY} above zero, and the hub needs
 * zero so that a request is in the file before its 200 (application.yaml). So this bean does what
 * that writer would, with H2's public {@link MVStore#compact}: every {@code interval}, while the
 * live share of the file's chunks is below {@code target-fill-rate}, H2 moves the live pages of the
 * sparsest chunks older than its retention time (45 s) into a new chunk, at most
 * {@code max-rewrite} per step and for at most {@code max-time} per interval; the emptied chunks are
 * reused by later commits once the retention time has passed. The journal's commits wait while a
 * step runs, so steps are small.
 *
 * <p>{@code max-time} bounds its cost. It is not what limits it at a light load: at 100 events/s a
 * look ended after a step or two, with H2 finding nothing more to rewrite, and used 0.6 % of a core.
 * {@code compact} compares the fill rate of all chunks, the young ones included (mostly dead under
 * a steady load, and not yet rewritable), so the target is rarely reached while the hub is busy.
 *
 * <p>Does nothing on PostgreSQL, on an in-memory H2 or with {@code enabled: false}. Publishes the
 * file's size, the live share of its chunks and the share of the file its chunks take as
 * {@code switchboard.journal.file.bytes}, {@code switchboard.journal.file.fill} and
 * {@code switchboard.journal.file.used}.
 */
@Component
class H2FileCompactor implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(H2FileCompactor.class);

    private final DataSource dataSource;
    private final JournalCompactionProperties properties;
    private final MeterRegistry meters;
    private volatile MVStore store;
    private ScheduledExecutorService timer;
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
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "journal-compactor");
            t.setDaemon(true);
            return t;
        });
        long every = properties.interval().toMillis();
        timer.scheduleWithFixedDelay(this::compactQuietly, every, every, TimeUnit.MILLISECONDS);
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
        if (timer != null) {
            // Not shutdownNow(): an interrupt during a file write closes H2's FileChannel, and with it the store.
            timer.shutdown();
            try {
                timer.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
