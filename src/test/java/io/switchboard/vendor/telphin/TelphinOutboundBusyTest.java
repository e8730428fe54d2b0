package io.switchboard.vendor.telphin;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.call.Outcome;
import io.switchboard.call.Party;
import java.util.List;
import org.junit.jupiter.api.Test;

/** fixtures/telphin/outbound-busy: 000*099 dials the national number 89031112233, busy. */
class TelphinOutboundBusyTest {

    private final List<CallEvent> events = TelphinFixtures.scenario("outbound-busy");

    @Test
    void dialOutRingsFromTheExtensionToTheNormalizedNumber() {
        CallEvent ring = events.get(0);

        assertThat(ring.kind()).isEqualTo(EventKind.RING);
        assertThat(ring.vendorEventType()).isEqualTo("dial-out");
        assertThat(ring.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(ring.from()).isEqualTo(Party.extension("000*099", "000*099"));
        assertThat(ring.to()).isEqualTo(Party.number("89031112233", "+79031112233"));
        assertThat(ring.line()).isEqualTo("000*099");
        assertThat(ring.agent()).isEqualTo("000*099");
        assertThat(ring.attributes())
                .containsEntry("callerExtension", "000*099@sipproxy.telphin.ru")
                .containsEntry("callerExtensionId", "175")
                .containsEntry("callerIdName", "Sales 099");
    }

    @Test
    void hangupIsBusyAndOutbound() {
        CallEvent hangup = events.get(1);

        assertThat(hangup.kind()).isEqualTo(EventKind.HANGUP);
        assertThat(hangup.outcomeHint()).isEqualTo(Outcome.BUSY);
        assertThat(hangup.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(hangup.line()).isEqualTo("000*099");
        assertThat(hangup.answeredAtHint()).isNull();
    }

    @Test
    void theCallEndsUnanswered() {
        assertThat(TelphinFoldRules.ended(events)).isTrue();
        assertThat(TelphinFoldRules.answered(events)).isFalse();
    }
}
