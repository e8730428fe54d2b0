package io.switchboard.vendor.telphin;

import static io.switchboard.vendor.telphin.TelphinFixtures.micros;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.EventKind;
import io.switchboard.call.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * fixtures/telphin/transfer (form POST): 000*101 answers, then transfers to 000*102. The CallID
 * stays; the new leg has its own SubCallID.
 */
class TelphinTransferTest {

    private static final String CALL_ID = "f6c9b7d32a8c4d5e4b1a0f7c6d3e2b06";
    private static final String FIRST_LEG = CALL_ID + "-0001";
    private static final String SECOND_LEG = CALL_ID + "-0002";

    private final List<CallEvent> events = TelphinFixtures.scenario("transfer");

    @Test
    void bothLegsBelongToTheSameCall() {
        assertThat(TelphinFoldRules.callIds(events)).containsExactly(CALL_ID);
        assertThat(events).extracting(CallEvent::legId)
                .containsExactly(FIRST_LEG, FIRST_LEG, SECOND_LEG, FIRST_LEG, SECOND_LEG, SECOND_LEG);
    }

    @Test
    void firstLegHangupDoesNotEndTheCall() {
        List<CallEvent> untilFirstHangup = events.subList(0, 4);

        assertThat(untilFirstHangup.get(3).kind()).isEqualTo(EventKind.HANGUP);
        assertThat(TelphinFoldRules.openLegs(untilFirstHangup)).containsExactly(SECOND_LEG);
        assertThat(TelphinFoldRules.ended(untilFirstHangup)).isFalse();
    }

    @Test
    void secondLegRingsTheTransferTargetAndKeepsTheDiversion() {
        CallEvent ring = events.get(2);

        assertThat(ring.kind()).isEqualTo(EventKind.RING);
        assertThat(ring.line()).isEqualTo("000*102");
        assertThat(ring.agent()).isEqualTo("000*102");
        assertThat(ring.from().number()).isEqualTo("+79161234567");
        assertThat(ring.attributes()).containsEntry("diversion", "000*101");
    }

    @Test
    void eachLegHangupCarriesItsOwnAnswerTime() {
        assertThat(events.get(3).answeredAtHint()).isEqualTo(micros(1732353004000000L));
        assertThat(events.get(5).answeredAtHint()).isEqualTo(micros(1732353065000000L));
        assertThat(events.get(5).outcomeHint()).isEqualTo(Outcome.ANSWERED);
    }

    @Test
    void theCallEndsAnsweredOnceBothLegsHungUp() {
        assertThat(TelphinFoldRules.ended(events)).isTrue();
        assertThat(TelphinFoldRules.answered(events)).isTrue();
        assertThat(events).extracting(CallEvent::eventKey).doesNotHaveDuplicates();
    }
}
