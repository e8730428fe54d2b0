package io.switchboard.inbox;

import java.util.function.LongSupplier;

/**
 * Whether the ingress is saturated right now: the inbox writer's group commit carried at least
 * {@link #BUSY_COMMIT} requests within the last {@link #BUSY_FOR_NANOS}. Under steady traffic a
 * commit carries one or a few requests; dozens at once mean requests are waiting for it.
 * {@link InboxProcessor} then leaves the ingress half of its time (see {@code InboxProcessor}).
 */
final class IngressPressure {

    static final int BUSY_COMMIT = 16;
    static final long BUSY_FOR_NANOS = 100_000_000L;

    private final LongSupplier nanoTime;
    private volatile long lastBusyCommit;
    private volatile boolean everBusy;

    IngressPressure(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The inbox writer committed {@code requests} in one transaction. */
    void committed(int requests) {
        if (requests >= BUSY_COMMIT) {
            lastBusyCommit = nanoTime.getAsLong();
            everBusy = true;
        }
    }

    boolean busy() {
        return everBusy && nanoTime.getAsLong() - lastBusyCommit < BUSY_FOR_NANOS;
    }
}
