package io.switchboard.vendor.telphin;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.call.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * fixtures/telphin/callback: a click-to-call started with {@code POST /extension/175/callback/}
 * ({@code dst_num=+79031112233}, {@code src_num=["000*099"]}): one dial-out from 000*099, no
 * dial-in to itself.
 */
class TelphinCallbackLegTest {

    private final List<CallEvent> events = TelphinFixtures.scenario("callback");

    @Test
    void everyEventKeepsTheCallbackCallApiIdForCorrelation() {
        assertThat(events).allSatisfy(e -> assertThat(e.attributes())
                .containsEntry("callApiId", "cb-3593300-4d0b8e9f7a6c4b5d")
                .containsEntry("callback", "yes"));
    }

    @Test
    void callbackLegIsAnOutboundCallFromTheExtension() {
        assertThat(events).extracting(CallEvent::kind)
                .containsExactly(EventKind.RING, EventKind.ANSWER, EventKind.HANGUP);
        assertThat(events).extracting(CallEvent::direction).containsOnly(Direction.OUTBOUND);
        assertThat(events).extracting(CallEvent::line).containsOnly("000*099");
        assertThat(events.get(0).to().number()).isEqualTo("+79031112233");
    }

    @Test
    void answerOfAnOutgoingCallKeepsTheExtensionAsCaller() {
        CallEvent answer = events.get(1);

        assertThat(answer.from().number()).isEqualTo("000*099");
        assertThat(answer.from().extension()).isTrue();
        assertThat(answer.attributes()).doesNotContainKey("callerIdNum");
    }

    @Test
    void theCallEndsAnswered() {
        assertThat(events.get(2).outcomeHint()).isEqualTo(Outcome.ANSWERED);
        assertThat(TelphinFoldRules.ended(events)).isTrue();
        assertThat(TelphinFoldRules.answered(events)).isTrue();
    }
}
