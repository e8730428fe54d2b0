package io.switchboard.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.call.CallEvent;
import io.switchboard.config.Source;
import io.switchboard.config.SwitchboardProperties;
import io.switchboard.ingress.Dialects;
import io.switchboard.ingress.InboundRequest;
import io.switchboard.ingress.RejectedRequestException;
import io.switchboard.ingress.Sources;
import io.switchboard.journal.CallJournal;
import io.switchboard.journal.JournalWriteLock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Translates stored requests and records their events in the journal, oldest first, one thread.
 * Runs from start-up, so requests acknowledged before a crash are picked up again after it; a
 * row's events and its DONE mark commit together, so nothing is translated twice or lost.
 */
@Component
public class InboxProcessor implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(InboxProcessor.class);
    private static final int BATCH = 256;

    private final Inbox inbox;
    private final CallJournal journal;
    private final Dialects dialects;
    private final Sources sources;
    private final TransactionTemplate tx;
    private final JournalWriteLock writeLock;
    private final Semaphore wakeUp = new Semaphore(0);
    /** Released when a full batch has been committed since the last drain: ends a linger early. */
    private final Semaphore batchFull = new Semaphore(0);
    /** Rows committed since the processor last began a drain. */
    private final AtomicInteger arrived = new AtomicInteger();
    private final long lingerNanos;
    /** Translations the ingress already made to validate a request, so a row is not translated twice. */
    private final HandedOverTranslations translated = new HandedOverTranslations(4_096);
    private final IngressPressure pressure = new IngressPressure(System::nanoTime);
    private final Counter processed;
    private final Counter failed;
    private final Counter reused;
    private final Counter retranslated;
    private volatile boolean running;
    private Thread thread;

    InboxProcessor(
            Inbox inbox,
            CallJournal journal,
            Dialects dialects,
            Sources sources,
            TransactionTemplate tx,
            JournalWriteLock writeLock,
            SwitchboardProperties properties,
            MeterRegistry meters) {
        this.writeLock = writeLock;
        this.lingerNanos = properties.ingress().processorLinger().toNanos();
        this.inbox = inbox;
        this.journal = journal;
        this.dialects = dialects;
        this.sources = sources;
        this.tx = tx;
        this.processed = meters.counter("switchboard.inbox.processed");
        this.failed = meters.counter("switchboard.inbox.failed");
        this.reused = meters.counter("switchboard.inbox.translations", "by", "ingress");
        this.retranslated = meters.counter("switchboard.inbox.translations", "by", "processor");
        Gauge.builder("switchboard.inbox.pending", inbox, Inbox::countPending).register(meters);
    }

    /** The events {@code inboxId}'s request translates to, as the ingress found when validating it. */
    void translated(long inboxId, List<CallEvent> events) {
        translated.offer(inboxId, events);
    }

    /** Drops the translations handed over for rows whose insert rolled back. */
    void forget(List<Long> inboxIds) {
        translated.forget(inboxIds);
    }

    /** Called after {@code requests} new requests are committed in one transaction. */
    void committed(int requests) {
        pressure.committed(requests);
        int before = arrived.getAndAdd(requests);
        if (before < BATCH && before + requests >= BATCH) {
            batchFull.release();
        }
        wake();
    }

    private void wake() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    /**
     * Processes batches while there are pending rows. While the ingress is saturated
     * ({@link IngressPressure}) it pauses after each batch for as long as the batch took: the
     * processor and the inbox writer share the cores and the journal's store, and what the hub
     * must do first is commit and acknowledge what vendors send. Acknowledged rows are durable, so
     * they wait safely; the processor still gets at least half of its time, so a sustained
     * overload slows translation down but never stops it.
     *
     * <p>Once it has caught up (a batch smaller than a full one, or none), it lingers: it lets new
     * rows gather for {@code switchboard.ingress.processor-linger}, or until a full batch has
     * arrived, before the next drain. A journal commit writes every B-tree page the transaction
     * touched, whatever it carries, so one commit for the rows of a few milliseconds costs far
     * less than one per request; under steady traffic that commit is most of the processor's CPU.
     */
    private void loop() {
        while (running) {
            try {
                long started = System.nanoTime();
                int taken = drain();
                if (taken == 0) {
                    wakeUp.tryAcquire(1, TimeUnit.SECONDS);
                    linger();
                } else if (taken < BATCH) {
                    linger();
                } else if (pressure.busy()) {
                    LockSupport.parkNanos(System.nanoTime() - started);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Inbox processing failed, retrying shortly: {}", e.toString());
                pause();
            }
        }
    }

    /**
     * A pending row: its translation when the ingress handed it over, else the stored request to
     * translate again.
     */
    private record Row(long inboxId, List<CallEvent> events, InboundRequest request) {}

    /** Waits up to the linger time, unless a full batch arrives first or the hub stops. */
    private void linger() throws InterruptedException {
        if (lingerNanos > 0 && running && arrived.get() < BATCH) {
            batchFull.tryAcquire(lingerNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Processes one batch of pending rows; returns how many rows it took. */
    int drain() {
        arrived.set(0);
        batchFull.drainPermits();
        List<Long> ids = inbox.pendingIds(BATCH);
        if (ids.isEmpty()) {
            return 0;
        }
        Map<Long, List<CallEvent>> known = translated.take(ids);
        List<Long> unknown = ids.stream().filter(id -> !known.containsKey(id)).toList();
        Map<Long, InboundRequest> stored = new HashMap<>();
        inbox.requests(unknown).forEach(r -> stored.put(r.inboxId(), r));
        List<Row> rows = new ArrayList<>(ids.size());
        for (Long id : ids) {
            rows.add(new Row(id, known.get(id), stored.get(id)));
        }
        reused.increment(known.size());
        try {
            writeLock.run(() -> tx.executeWithoutResult(status -> processBatch(rows)));
        } catch (RuntimeException batchFailure) {
            LOG.warn("Batch of {} inbox rows failed ({}); processing them one by one", rows.size(), batchFailure.toString());
            rows.forEach(this::processAlone);
        }
        return rows.size();
    }

    private void processBatch(List<Row> rows) {
        List<Long> done = new ArrayList<>(rows.size());
        for (Row row : rows) {
            List<CallEvent> events = row.events() != null ? row.events() : translate(row.request());
            if (events == null) {
                continue;
            }
            journal.record(row.inboxId(), events);
            done.add(row.inboxId());
        }
        inbox.markDone(done);
        processed.increment(rows.size());
    }

    private void processAlone(Row row) {
        try {
            writeLock.run(() -> tx.executeWithoutResult(status -> processBatch(List.of(row))));
        } catch (RuntimeException e) {
            String vendor = row.request() != null ? row.request().vendor()
                    : row.events().isEmpty() ? "?" : row.events().get(0).vendor();
            LOG.error("Inbox row {} ({}) cannot be recorded: {}", row.inboxId(), vendor, e.toString());
            writeLock.run(() -> tx.executeWithoutResult(status -> inbox.markFailed(row.inboxId(), "record failed: " + e)));
            failed.increment();
        }
    }

    /** Translates a stored request; marks it FAILED and returns null when it no longer translates. */
    private List<CallEvent> translate(InboundRequest row) {
        if (row == null) {
            return null; // the row vanished between reading its id and reading it: nothing to record
        }
        retranslated.increment();
        try {
            Source source = sources.byId(row.sourceId())
                    .orElseThrow(() -> new IllegalStateException("source '" + row.sourceId() + "' is no longer configured"));
            return dialects.get(row.vendor()).translate(row, source);
        } catch (RejectedRequestException | IllegalStateException e) {
            LOG.warn("Inbox row {} ({}) no longer translates: {}", row.inboxId(), row.vendor(), e.getMessage());
            inbox.markFailed(row.inboxId(), e.getMessage());
            failed.increment();
            return null;
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "inbox-processor");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        wake();
        batchFull.release();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }
}
