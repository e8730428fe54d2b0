package io.switchboard.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outcomes of one poll's deliveries on their way to the journal (group commit): delivery
 * workers {@link #add} them as each attempt returns; the polling thread writes what has gathered in
 * one transaction at most every {@code interval} and once more when the batch is done.
 *
 * <p>A write that fails keeps its outcomes for the next one, so what reaches the journal is always
 * every outcome up to some moment: a call's later change is never recorded DELIVERED while its
 * earlier change is not. Outcomes not written at all leave their deliveries PENDING: they are
 * attempted again (at-least-once, in order).
 */
final class Settlements {

    private static final Logger LOG = LoggerFactory.getLogger(Settlements.class);

    private final Consumer<List<CallFeed.Outcome>> writer;
    private final String subscription;
    private final long intervalNanos;
    private final Queue<CallFeed.Outcome> added = new ConcurrentLinkedQueue<>();
    private final List<CallFeed.Outcome> unwritten = new ArrayList<>();
    private long lastWrite = System.nanoTime();

    /**
     * @param writer   records outcomes in one transaction, all or none ({@link CallFeed#settle})
     * @param interval the least time between two writes while the batch runs
     */
    Settlements(Consumer<List<CallFeed.Outcome>> writer, String subscription, Duration interval) {
        this.writer = writer;
        this.subscription = subscription;
        this.intervalNanos = interval.toNanos();
    }

    /** Thread-safe: called by the delivery workers. */
    void add(CallFeed.Outcome outcome) {
        added.add(outcome);
    }

    /** Nanoseconds until the next write is due (at least 1). Polling thread only. */
    long nanosToNextWrite() {
        return Math.max(1, intervalNanos - (System.nanoTime() - lastWrite));
    }

    /** Writes the gathered outcomes when {@code interval} has passed since the last write; a failure is logged and retried. */
    void writeIfDue() {
        if (System.nanoTime() - lastWrite < intervalNanos) {
            return;
        }
        try {
            write();
        } catch (RuntimeException e) {
            LOG.warn("Subscription '{}': could not record {} delivery outcomes yet, trying again: {}", subscription,
                    unwritten.size(), e.toString());
        }
    }

    /**
     * The last write of the batch.
     *
     * @throws RuntimeException when it fails: the outcomes not written are dropped, their deliveries stay PENDING
     */
    void writeAll() {
        try {
            write();
        } finally {
            unwritten.clear();
        }
    }

    private void write() {
        lastWrite = System.nanoTime();
        for (CallFeed.Outcome o; (o = added.poll()) != null; ) {
            unwritten.add(o);
        }
        if (!unwritten.isEmpty()) {
            writer.accept(List.copyOf(unwritten));
            unwritten.clear();
        }
    }
}
