package io.switchboard.feed;

/** Where one delivery (call change × subscription) stands. */
public enum DeliveryStatus {
    /** Waiting for its (next) attempt, which is due at {@code next_attempt_at}. */
    PENDING,
    /** The route (the sink) completed without an exception. */
    DELIVERED,
    /** Given up: not retryable, too many attempts or too old. Kept for replay. */
    DEAD
}
