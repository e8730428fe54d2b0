package io.switchboard.apikey;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Per-key rate limit: a Bucket4j token bucket of {@code burst} tokens refilled continuously at
 * {@code perSecond}. One request takes one token; without a token the caller is told how long
 * until the next one. Thread-safe (lock-free); requests of different keys never contend.
 */
public final class TokenBucket {

    private final Bucket bucket;

    TokenBucket(int burst, double perSecond, LongSupplier nanoTime) {
        if (burst < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("burst must be >= 1 and the rate > 0");
        }
        Duration perToken = Duration.ofNanos(Math.max(1, Math.round(1_000_000_000d / perSecond)));
        this.bucket = Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(1, perToken).initialTokens(burst))
                .withCustomTimePrecision(new TimeMeter() {
                    @Override
                    public long currentTimeNanos() {
                        return nanoTime.getAsLong();
                    }

                    @Override
                    public boolean isWallClockBased() {
                        return false;
                    }
                })
                .build();
    }

    /** Takes a token; returns {@link Duration#ZERO} when taken, else the wait until one is available. */
    public Duration tryTake() {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }
}
