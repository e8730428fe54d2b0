package io.switchboard.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * What happens after a failed attempt: the next attempt time, or DEAD. Pure, so every rule is unit
 * tested (DeliveryPolicyTest).
 *
 * <ul>
 *   <li>not retryable ⇒ DEAD at once (replay it after fixing the cause);
 *   <li>{@code maxAttempts} reached (when &gt; 0) ⇒ DEAD;
 *   <li>older than {@code maxAge} (counted from when it was queued: claimed or replayed) ⇒ DEAD;
 *   <li>else the next attempt waits the exponential backoff {@code initialBackoff · 2^(attempt-1)},
 *       capped at {@code maxBackoff}, with ±50 % jitter; a {@code Retry-After} is the minimum wait,
 *       even above {@code maxBackoff}; an attempt that would fall after the age limit is moved to
 *       the limit itself (one last try then), unless {@code Retry-After} asks for later.
 * </ul>
 */
final class DeliveryPolicy {

    private final int maxAttempts;
    private final Duration maxAge;
    private final long initialBackoffMs;
    private final long maxBackoffMs;
    private final DoubleSupplier random;

    /**
     * @param maxAttempts attempts before DEAD; 0 or less: no limit (then {@code maxAge} should be set)
     * @param maxAge      age before DEAD; null: no limit
     * @param random      uniform in [0, 1): the jitter
     */
    DeliveryPolicy(int maxAttempts, Duration maxAge, long initialBackoffMs, long maxBackoffMs, DoubleSupplier random) {
        if (initialBackoffMs < 0 || maxBackoffMs < 0) {
            throw new IllegalArgumentException("backoff must not be negative");
        }
        this.maxAttempts = maxAttempts;
        this.maxAge = maxAge;
        this.initialBackoffMs = initialBackoffMs;
        this.maxBackoffMs = maxBackoffMs;
        this.random = random;
    }

    /** The outcome of a failed attempt: DEAD, or PENDING again until {@code nextAttempt}. */
    record Decision(boolean dead, Instant nextAttempt, String error) {}

    /**
     * @param attempt  the attempt that just failed (1 = first)
     * @param queuedAt when the delivery was claimed or last replayed
     */
    Decision afterFailure(int attempt, Instant queuedAt, Instant now, DeliveryFailure failure) {
        if (!failure.retryable()) {
            return new Decision(true, now, "not retryable: " + failure.description());
        }
        if (maxAttempts > 0 && attempt >= maxAttempts) {
            return new Decision(true, now, "gave up after " + attempt + " attempts: " + failure.description());
        }
        Instant deadline = maxAge == null ? null : queuedAt.plus(maxAge);
        if (deadline != null && !now.isBefore(deadline)) {
            return new Decision(true, now, "gave up after " + maxAge + " (" + attempt + " attempts): "
                    + failure.description());
        }
        Duration wait = Duration.ofMillis(backoff(attempt));
        Duration retryAfter = failure.retryAfter().orElse(Duration.ZERO);
        if (retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        Instant next = now.plus(wait);
        if (deadline != null && next.isAfter(deadline)) {
            Instant earliest = now.plus(retryAfter);
            next = earliest.isAfter(deadline) ? earliest : deadline;
        }
        String error = failure.description()
                + failure.retryAfter().map(d -> " (Retry-After " + d.toMillis() + " ms)").orElse("");
        return new Decision(false, next, error);
    }

    /** Exponential backoff from {@code initialBackoff}, capped at {@code maxBackoff}, with ±50 % jitter. */
    long backoff(int attempt) {
        double exponential = initialBackoffMs * Math.pow(2, Math.min(Math.max(attempt, 1) - 1, 30));
        double capped = Math.min(exponential, maxBackoffMs);
        return (long) (capped * (0.5 + random.getAsDouble()));
    }
}
