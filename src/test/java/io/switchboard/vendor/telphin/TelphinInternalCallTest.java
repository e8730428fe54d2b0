package io.switchboard.vendor.telphin;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** fixtures/telphin/internal: 000*099 calls 000*101 on the same PBX; both are subscribed. */
class TelphinInternalCallTest {

    private final List<CallEvent> events = TelphinFixtures.scenario("internal");

    @Test
    void ringAndHangupEventsAreInternal() {
        assertThat(events).filteredOn(e -> e.kind() != EventKind.ANSWER)
                .extracting(CallEvent::direction)
                .containsOnly(Direction.INTERNAL);
    }

    @Test
    void answerLeavesDirectionAndCallerToTheRingEvents() {
        CallEvent answer = events.get(2);

        assertThat(answer.kind()).isEqualTo(EventKind.ANSWER);
        assertThat(answer.direction()).isNull();
        assertThat(answer.from()).isNull();
        assertThat(answer.line()).isEqualTo("000*101");
    }

    @Test
    void eachSideReportsItsOwnLine() {
        assertThat(events).extracting(CallEvent::line)
                .containsExactly("000*099", "000*101", "000*101", "000*101", "000*099");
        assertThat(events.get(0).from().number()).isEqualTo("000*099");
        assertThat(events.get(0).to().number()).isEqualTo("000*101");
        assertThat(events.get(0).to().extension()).isTrue();
    }

    @Test
    void bothLegsEndTheCall() {
        assertThat(TelphinFoldRules.legs(events)).hasSize(2);
        assertThat(TelphinFoldRules.ended(events)).isTrue();
        assertThat(TelphinFoldRules.answered(events)).isTrue();
    }

    @Test
    void anOutsideCallerIsNeverInternalEvenWithBothExtensionFields() {
        String query = TelphinFixtures.read("internal/02-dial-in-101.query")
                .replace("CallerIDNum=000*099", "CallerIDNum=%2B79161234567");

        assertThat(TelphinFixtures.translate(TelphinFixtures.get(query)).direction()).isEqualTo(Direction.INBOUND);
    }

    @Test
    void anOutsideCalledNumberIsNeverInternal() {
        String query = TelphinFixtures.read("internal/01-dial-out-099.query")
                .replace("CalledNumber=000*101", "CalledNumber=%2B79031112233");

        assertThat(TelphinFixtures.translate(TelphinFixtures.get(query)).direction()).isEqualTo(Direction.OUTBOUND);
    }
}
