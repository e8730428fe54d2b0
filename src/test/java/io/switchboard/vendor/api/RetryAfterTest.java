package io.switchboard.vendor.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Retry-After is read as seconds or as an HTTP date; anything else is ignored. */
class RetryAfterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2025-03-14T09:00:00Z"), ZoneOffset.UTC);

    @Test
    void seconds() {
        assertThat(RetryAfter.parse(" 30 ", clock)).contains(Duration.ofSeconds(30));
    }

    @Test
    void httpDate() {
        assertThat(RetryAfter.parse("Fri, 14 Mar 2025 09:01:30 GMT", clock)).contains(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Fri, 14 Mar 2025 08:00:00 GMT", clock)).contains(Duration.ZERO);
    }

    @Test
    void absentOrUnreadable() {
        assertThat(RetryAfter.parse(null, clock)).isEmpty();
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
        assertThat(RetryAfter.parse("-5", clock)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999999999999", clock)).isEmpty();
    }
}
