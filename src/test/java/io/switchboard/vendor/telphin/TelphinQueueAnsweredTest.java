package io.switchboard.vendor.telphin;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.call.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * fixtures/telphin/queue-answered: the queue 000*200 ("in" thread: dial-in, hangup) rings agents
 * 000*101 and 000*102 ("out" thread: dial-in, answer, hangup); 102 answers.
 */
class TelphinQueueAnsweredTest {

    private static final String CALL_ID = "d4a7f5b10e6a4b3c2f9e8d5a4b1c0f04";

    private final List<CallEvent> events = TelphinFixtures.scenario("queue-answered");

    @Test
    void everyEventBelongsToOneCallWithALegPerThread() {
        assertThat(TelphinFoldRules.callIds(events)).containsExactly(CALL_ID);
        assertThat(TelphinFoldRules.legs(events))
                .containsExactly(CALL_ID + "-0001", CALL_ID + "-0002", CALL_ID + "-0003");
        assertThat(events).extracting(CallEvent::eventKey).doesNotHaveDuplicates();
    }

    @Test
    void eventsHaveTheExpectedKindsLinesAndDirection() {
        assertThat(events).extracting(CallEvent::kind).containsExactly(
                EventKind.RING, EventKind.RING, EventKind.RING, EventKind.ANSWER,
                EventKind.HANGUP, EventKind.HANGUP, EventKind.HANGUP);
        assertThat(events).extracting(CallEvent::line).containsExactly(
                "000*200", "000*101", "000*102", "000*102", "000*101", "000*102", "000*200");
        assertThat(events).extracting(CallEvent::direction).containsOnly(Direction.INBOUND);
    }

    @Test
    void agentRingsCarryTheOutsideCaller() {
        assertThat(events.subList(0, 3)).allSatisfy(e -> assertThat(e.from().number()).isEqualTo("+79161234567"));
    }

    @Test
    void onlyTheAnsweringAgentAnswers() {
        CallEvent answer = events.get(3);

        assertThat(answer.legId()).isEqualTo(CALL_ID + "-0003");
        assertThat(answer.agent()).isEqualTo("000*102");
        assertThat(answer.from()).isNull();
        assertThat(events.get(4).outcomeHint()).isEqualTo(Outcome.CANCELLED);
        assertThat(events.get(5).outcomeHint()).isEqualTo(Outcome.ANSWERED);
    }

    @Test
    void queueHangupIsAnsweredByBridgedYesButGivesNoAnswerTime() {
        CallEvent queueHangup = events.get(6);

        assertThat(queueHangup.outcomeHint()).isEqualTo(Outcome.ANSWERED);
        assertThat(queueHangup.answeredAtHint()).isNull();
        assertThat(queueHangup.attributes()).containsEntry("bridged", "yes");
    }

    @Test
    void theCallFoldsToAnEndedAnsweredCall() {
        assertThat(TelphinFoldRules.ended(events)).isTrue();
        assertThat(TelphinFoldRules.answered(events)).isTrue();
    }

    @Test
    void withOnlyTheQueueSubscribedTheCallIsStillAnswered() {
        List<CallEvent> queueOnly = events.stream().filter(e -> "000*200".equals(e.line())).toList();

        assertThat(queueOnly).hasSize(2);
        assertThat(TelphinFoldRules.ended(queueOnly)).isTrue();
        assertThat(TelphinFoldRules.answered(queueOnly)).isTrue();
    }
}
