package io.switchboard.apikey;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Per-key rate limit: a token bucket of {@code burst} tokens refilled at {@code perSecond}. One
 * request takes one token; without a token the caller is told how long until the next one.
 * Thread-safe (a lock per key: requests of different keys never contend).
 */
public final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private final LongSupplier nanoTime;
    private double tokens;
    private long refilledAt;

    TokenBucket(int burst, double perSecond, LongSupplier nanoTime) {
        if (burst < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("burst must be >= 1 and the rate > 0");
        }
        this.capacity = burst;
        this.perNano = perSecond / 1_000_000_000d;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.refilledAt = nanoTime.getAsLong();
    }

    /** Takes a token; returns {@link Duration#ZERO} when taken, else the wait until one is available. */
    public synchronized Duration tryTake() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
    }
}
