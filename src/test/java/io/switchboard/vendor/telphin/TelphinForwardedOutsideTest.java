package io.switchboard.vendor.telphin;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.call.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * fixtures/telphin/forwarded-outside: an incoming-call rule of 000*101 forwards the call to a
 * mobile; Telphin reports a dial-out from 101 with Transfered=yes.
 */
class TelphinForwardedOutsideTest {

    private final List<CallEvent> events = TelphinFixtures.scenario("forwarded-outside");

    @Test
    void forwardLegDoesNotClaimTheCallIsOutbound() {
        CallEvent forward = events.get(1);

        assertThat(forward.kind()).isEqualTo(EventKind.RING);
        assertThat(forward.direction()).isNull();
        assertThat(forward.attributes()).containsEntry("transferred", "yes").containsEntry("callFlow", "out");
        assertThat(forward.line()).isEqualTo("000*101");
        assertThat(forward.from().number()).isEqualTo("+79161234567");
        assertThat(forward.to().number()).isEqualTo("+79035556677");
    }

    @Test
    void theCallStaysInboundAndEndsAnswered() {
        assertThat(events.get(0).direction()).isEqualTo(Direction.INBOUND);
        assertThat(events).extracting(CallEvent::direction).doesNotContain(Direction.OUTBOUND, Direction.INTERNAL);
        assertThat(events.get(2).outcomeHint()).isEqualTo(Outcome.ANSWERED);
        assertThat(TelphinFoldRules.ended(events)).isTrue();
        assertThat(TelphinFoldRules.answered(events)).isTrue();
    }
}
