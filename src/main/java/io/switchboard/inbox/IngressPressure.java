package io.switchboard.inbox;

import java.util.function.LongSupplier;

/**
 * Whether the ingress is saturated right now: the inbox writer's group commit carried at least
 * {@link #BUSY_COMMIT} requests within the last {@link #BUSY_FOR_NANOS}. Under steady traffic a
 * commit carries one or a few requests; dozens at once mean requests are waiting for it. (With
 * the writer's linger of 1 ms a commit carried 1.7 requests at 1,000 a second and about 48 under a
 * saturating closed loop, on the box of BENCHMARKS.md.)
 * {@link InboxProcessor} then leaves the ingress half of its time (see {@code InboxProcessor}).
 */
final class IngressPressure {

    static final int BUSY_COMMIT = 16;
    static final long BUSY_FOR_NANOS = 100_000_000L;

    private final LongSupplier nanoTime;
    private volatile long lastBusyCommit;

    IngressPressure(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.lastBusyCommit = nanoTime.getAsLong() - BUSY_FOR_NANOS; // not busy until a full commit
    }

    /** The inbox writer committed {@code requests} in one transaction. */
    void committed(int requests) {
        if (requests >= BUSY_COMMIT) {
            lastBusyCommit = nanoTime.getAsLong();
        }
    }

    boolean busy() {
        return nanoTime.getAsLong() - lastBusyCommit < BUSY_FOR_NANOS;
    }
}
