package io.switchboard.vendor.telphin;

import static io.switchboard.vendor.telphin.TelphinFixtures.micros;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** answeredAtHint = EventTime − Duration, only on an answered hangup of an ordinary extension. */
class TelphinAnsweredAtHintTest {

    private static final String HANGUP = TelphinFixtures.read("inbound-answered/03-hangup.query");

    @Test
    void answeredHangupGivesEventTimeMinusDurationToTheMicrosecond() {
        String query = HANGUP.replace("Duration=95250000", "Duration=95250001");

        assertThat(hint(query)).isEqualTo(micros(1732350008499999L));
    }

    @Test
    void noHintWithoutDuration() {
        assertThat(hint(HANGUP.replace("&Duration=95250000", ""))).isNull();
    }

    @Test
    void noHintWhenNotAnswered() {
        assertThat(hint(HANGUP.replace("CallStatus=ANSWER", "CallStatus=NOANSWER"))).isNull();
    }

    @Test
    void noHintOnIvrOrQueueLegs() {
        assertThat(hint(HANGUP + "&Bridged=yes")).isNull();
    }

    @Test
    void noHintWhenDurationExceedsEventTime() {
        assertThat(hint(HANGUP.replace("Duration=95250000", "Duration=999999999999999999"))).isNull();
    }

    @Test
    void eventTimeKeepsMicrosecondPrecision() {
        CallEvent event = TelphinFixtures.translate(TelphinFixtures.get(
                HANGUP.replace("EventTime=1732350103750000", "EventTime=1732350103750123")));

        assertThat(event.occurredAt()).isEqualTo(micros(1732350103750123L));
        assertThat(event.occurredAt().getNano() % 1_000_000).isEqualTo(750_123_000 % 1_000_000);
    }

    @Test
    void ringEventsNeverCarryHints() {
        CallEvent ring = TelphinFixtures.event("inbound-answered/01-dial-in.query");

        assertThat(ring.answeredAtHint()).isNull();
        assertThat(ring.startedAtHint()).isNull();
    }

    private static Instant hint(String query) {
        return TelphinFixtures.translate(TelphinFixtures.get(query)).answeredAtHint();
    }
}
