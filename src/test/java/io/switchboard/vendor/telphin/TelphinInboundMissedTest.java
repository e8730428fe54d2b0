package io.switchboard.vendor.telphin;

import static io.switchboard.vendor.telphin.TelphinFixtures.micros;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.call.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** fixtures/telphin/inbound-missed (form POST): 000*101 rings for 30 s, nobody answers. */
class TelphinInboundMissedTest {

    private final List<CallEvent> events = TelphinFixtures.scenario("inbound-missed");

    @Test
    void formPostIsReadLikeAQueryString() {
        assertThat(TelphinFixtures.request("inbound-missed/01-dial-in.form").method()).isEqualTo("POST");
        assertThat(events).extracting(CallEvent::kind).containsExactly(EventKind.RING, EventKind.HANGUP);
        assertThat(events).extracting(CallEvent::direction).containsOnly(Direction.INBOUND);
        assertThat(events).extracting(CallEvent::line).containsOnly("000*101");
        assertThat(events.get(0).from().number()).isEqualTo("+79161234567");
    }

    @Test
    void hangupSaysNoAnswerWithoutAnyAnswerTime() {
        CallEvent hangup = events.get(1);

        assertThat(hangup.outcomeHint()).isEqualTo(Outcome.NO_ANSWER);
        assertThat(hangup.answeredAtHint()).isNull();
        assertThat(hangup.occurredAt()).isEqualTo(micros(1732350630000000L));
        assertThat(hangup.attributes()).containsEntry("durationMicros", "30000000");
    }

    @Test
    void theCallEndsUnansweredAndInbound() {
        assertThat(TelphinFoldRules.ended(events)).isTrue();
        assertThat(TelphinFoldRules.answered(events)).isFalse();
    }
}
