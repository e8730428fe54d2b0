package io.switchboard.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The {@code maxAge} option of {@code switchboard:calls}: Camel time text, ISO-8601 or milliseconds. */
class MaxAgeOptionTest {

    @Test
    void readsCamelTimeTextIsoAndMilliseconds() {
        assertThat(CallFeedEndpoint.parseMaxAge("24h")).isEqualTo(Duration.ofHours(24));
        assertThat(CallFeedEndpoint.parseMaxAge("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(CallFeedEndpoint.parseMaxAge("PT24H")).isEqualTo(Duration.ofHours(24));
        assertThat(CallFeedEndpoint.parseMaxAge("P2D")).isEqualTo(Duration.ofDays(2));
        assertThat(CallFeedEndpoint.parseMaxAge("1500")).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void emptyOrZeroMeansNoAgeLimit() {
        assertThat(CallFeedEndpoint.parseMaxAge("")).isNull();
        assertThat(CallFeedEndpoint.parseMaxAge(null)).isNull();
        assertThat(CallFeedEndpoint.parseMaxAge("0")).isNull();
    }

    @Test
    void nonsenseIsRefusedWithTheAcceptedForms() {
        assertThatThrownBy(() -> CallFeedEndpoint.parseMaxAge("one day"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'one day'")
                .hasMessageContaining("24h");
    }
}
