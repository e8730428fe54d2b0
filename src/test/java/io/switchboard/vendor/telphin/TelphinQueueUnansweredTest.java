package io.switchboard.vendor.telphin;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.call.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * fixtures/telphin/queue-unanswered: the queue rings two agents, nobody answers. The queue itself
 * picked the call up (CallStatus=ANSWER on its hangup) but Bridged=no says nobody took it.
 */
class TelphinQueueUnansweredTest {

    private final List<CallEvent> events = TelphinFixtures.scenario("queue-unanswered");

    @Test
    void queueHangupWithBridgedNoIsNotAnswered() {
        CallEvent queueHangup = events.get(5);

        assertThat(queueHangup.kind()).isEqualTo(EventKind.HANGUP);
        assertThat(queueHangup.line()).isEqualTo("000*200");
        assertThat(queueHangup.attributes()).containsEntry("callStatus", "ANSWER").containsEntry("bridged", "no");
        assertThat(queueHangup.outcomeHint()).isNull();
        assertThat(queueHangup.answeredAtHint()).isNull();
    }

    @Test
    void agentLegsEndWithNoAnswer() {
        assertThat(events.subList(3, 5)).extracting(CallEvent::outcomeHint).containsOnly(Outcome.NO_ANSWER);
    }

    @Test
    void theCallFoldsToAnEndedUnansweredInboundCall() {
        assertThat(events).extracting(CallEvent::kind).doesNotContain(EventKind.ANSWER);
        assertThat(TelphinFoldRules.legs(events)).hasSize(3);
        assertThat(TelphinFoldRules.ended(events)).isTrue();
        assertThat(TelphinFoldRules.answered(events)).isFalse();
        assertThat(events).extracting(CallEvent::direction).containsOnly(Direction.INBOUND);
    }

    @Test
    void withOnlyTheQueueSubscribedTheCallIsStillUnanswered() {
        List<CallEvent> queueOnly = events.stream().filter(e -> "000*200".equals(e.line())).toList();

        assertThat(TelphinFoldRules.ended(queueOnly)).isTrue();
        assertThat(TelphinFoldRules.answered(queueOnly)).isFalse();
    }
}
