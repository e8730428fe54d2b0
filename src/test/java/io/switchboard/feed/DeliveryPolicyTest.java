package io.switchboard.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The decisions after a failed attempt: backoff with jitter, Retry-After, DEAD by kind, attempts and age. */
class DeliveryPolicyTest {

    private static final Instant QUEUED = Instant.parse("2026-11-23T10:00:00Z");
    private static final DeliveryFailure TRANSIENT = new DeliveryFailure(true, Optional.empty(), "HTTP 503");

    private static DeliveryPolicy policy(int maxAttempts, Duration maxAge, double jitter) {
        return new DeliveryPolicy(maxAttempts, maxAge, 1000, 600_000, () -> jitter);
    }

    @Test
    void backoffDoublesFromTheInitialDelayAndIsCapped() {
        DeliveryPolicy noJitter = policy(20, null, 0.5); // factor 0.5 + 0.5 = 1
        assertThat(noJitter.backoff(1)).isEqualTo(1000);
        assertThat(noJitter.backoff(2)).isEqualTo(2000);
        assertThat(noJitter.backoff(5)).isEqualTo(16_000);
        assertThat(noJitter.backoff(11)).isEqualTo(600_000);
        assertThat(noJitter.backoff(400)).isEqualTo(600_000);
    }

    @Test
    void jitterSpreadsTheBackoffFromHalfToOneAndAHalfTimes() {
        assertThat(policy(20, null, 0.0).backoff(3)).isEqualTo(2000);
        assertThat(policy(20, null, 0.999).backoff(3)).isEqualTo(5996);
    }

    @Test
    void aTransientFailureIsRetriedAfterTheBackoff() {
        Instant now = QUEUED.plusSeconds(5);
        DeliveryPolicy.Decision d = policy(20, Duration.ofHours(24), 0.5).afterFailure(3, QUEUED, now, TRANSIENT);

        assertThat(d.dead()).isFalse();
        assertThat(d.nextAttempt()).isEqualTo(now.plusSeconds(4));
        assertThat(d.error()).isEqualTo("HTTP 503");
    }

    @Test
    void retryAfterIsTheMinimumWaitEvenAboveTheMaximumBackoff() {
        Instant now = QUEUED.plusSeconds(5);
        DeliveryPolicy p = policy(20, Duration.ofHours(24), 0.5);

        DeliveryPolicy.Decision longer = p.afterFailure(1, QUEUED, now,
                new DeliveryFailure(true, Optional.of(Duration.ofSeconds(30)), "HTTP 429"));
        DeliveryPolicy.Decision beyondCap = p.afterFailure(1, QUEUED, now,
                new DeliveryFailure(true, Optional.of(Duration.ofHours(1)), "HTTP 429"));
        DeliveryPolicy.Decision shorter = p.afterFailure(5, QUEUED, now,
                new DeliveryFailure(true, Optional.of(Duration.ofSeconds(2)), "HTTP 503"));

        assertThat(longer.nextAttempt()).isEqualTo(now.plusSeconds(30));
        assertThat(longer.error()).isEqualTo("HTTP 429 (Retry-After 30000 ms)");
        assertThat(beyondCap.nextAttempt()).isEqualTo(now.plus(Duration.ofHours(1)));
        assertThat(shorter.nextAttempt()).isEqualTo(now.plusSeconds(16)); // backoff is longer: it wins
    }

    @Test
    void aFailureThatIsNotRetryableIsDeadAtTheFirstAttempt() {
        DeliveryPolicy.Decision d = policy(20, null, 0.5).afterFailure(1, QUEUED, QUEUED,
                new DeliveryFailure(false, Optional.empty(), "hubspot POST /crm/v3/objects/calls failed: rejected, HTTP 400"));

        assertThat(d.dead()).isTrue();
        assertThat(d.error()).isEqualTo("not retryable: hubspot POST /crm/v3/objects/calls failed: rejected, HTTP 400");
    }

    @Test
    void theLastAllowedAttemptMakesItDead() {
        DeliveryPolicy p = policy(3, null, 0.5);

        assertThat(p.afterFailure(2, QUEUED, QUEUED, TRANSIENT).dead()).isFalse();
        DeliveryPolicy.Decision third = p.afterFailure(3, QUEUED, QUEUED, TRANSIENT);
        assertThat(third.dead()).isTrue();
        assertThat(third.error()).isEqualTo("gave up after 3 attempts: HTTP 503");
    }

    @Test
    void noAttemptLimitWhenMaxAttemptsIsZero() {
        assertThat(policy(0, Duration.ofHours(1), 0.5).afterFailure(10_000, QUEUED, QUEUED.plusSeconds(60), TRANSIENT)
                        .dead())
                .isFalse();
    }

    @Test
    void aDeliveryOlderThanMaxAgeIsDead() {
        DeliveryPolicy.Decision d = policy(0, Duration.ofHours(24), 0.5)
                .afterFailure(40, QUEUED, QUEUED.plus(Duration.ofHours(24)), TRANSIENT);

        assertThat(d.dead()).isTrue();
        assertThat(d.error()).isEqualTo("gave up after PT24H (40 attempts): HTTP 503");
    }

    @Test
    void theLastAttemptIsMovedToTheAgeLimitNotBeyondIt() {
        Instant now = QUEUED.plus(Duration.ofHours(24)).minusSeconds(100);
        DeliveryPolicy.Decision d = policy(0, Duration.ofHours(24), 0.5).afterFailure(20, QUEUED, now, TRANSIENT);

        assertThat(d.dead()).isFalse();
        assertThat(d.nextAttempt()).isEqualTo(QUEUED.plus(Duration.ofHours(24)));
    }

    @Test
    void retryAfterBeyondTheAgeLimitIsStillHonoured() {
        Instant now = QUEUED.plus(Duration.ofHours(24)).minusSeconds(10);
        DeliveryPolicy.Decision d = policy(0, Duration.ofHours(24), 0.5).afterFailure(2, QUEUED, now,
                new DeliveryFailure(true, Optional.of(Duration.ofSeconds(60)), "HTTP 429"));

        assertThat(d.nextAttempt()).isEqualTo(now.plusSeconds(60));
    }
}
