package io.switchboard.vendor.telphin;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** fixtures/telphin/ivr-abandoned: an IVR sends only dial-in and hangup; Bridged=no. */
class TelphinIvrAbandonedTest {

    private final List<CallEvent> events = TelphinFixtures.scenario("ivr-abandoned");

    @Test
    void ivrCallRingsAndEndsWithoutBeingAnswered() {
        assertThat(events).extracting(CallEvent::kind).containsExactly(EventKind.RING, EventKind.HANGUP);
        assertThat(events).extracting(CallEvent::line).containsOnly("000*300");
        assertThat(events).extracting(CallEvent::direction).containsOnly(Direction.INBOUND);
        assertThat(events.get(1).outcomeHint()).isNull();
        assertThat(events.get(1).answeredAtHint()).isNull();
        assertThat(TelphinFoldRules.ended(events)).isTrue();
        assertThat(TelphinFoldRules.answered(events)).isFalse();
    }
}
