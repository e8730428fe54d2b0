package io.switchboard.vendor.telphin;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.call.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** fixtures/telphin/uppercase-callflow: CallFlow=IN (as documented) and mixed-case EventType. */
class TelphinUpperCaseCallFlowTest {

    private static final String CALL_ID = "b8e1d9f54cae4f7a6d3c2b9e8f5a4d08";

    private final List<CallEvent> events = TelphinFixtures.scenario("uppercase-callflow");

    @Test
    void upperCaseValuesAreUnderstood() {
        assertThat(events).extracting(CallEvent::kind).containsExactly(EventKind.RING, EventKind.HANGUP);
        assertThat(events).extracting(CallEvent::direction).containsOnly(Direction.INBOUND);
        assertThat(events.get(1).outcomeHint()).isEqualTo(Outcome.CANCELLED);
    }

    @Test
    void eventTypeIsReportedAndKeyedInLowerCase() {
        assertThat(events).extracting(CallEvent::vendorEventType).containsExactly("dial-in", "hangup");
        assertThat(events.get(0).eventKey()).isEqualTo(CALL_ID + "|" + CALL_ID + "-0001|dial-in|1732354200000000");
    }

    @Test
    void rawCallFlowIsKept() {
        assertThat(events.get(0).attributes()).containsEntry("callFlow", "IN");
    }

    @Test
    void upperAndLowerCaseCallFlowGiveTheSameEvent() {
        String upper = TelphinFixtures.read("uppercase-callflow/02-hangup.query");
        CallEvent lower = TelphinFixtures.translate(TelphinFixtures.get(upper.replace("CallFlow=IN", "CallFlow=in")));

        assertThat(lower.toBuilder().attributes(null).build())
                .isEqualTo(events.get(1).toBuilder().attributes(null).build());
    }

    @Test
    void outUpperCaseIsOutbound() {
        String dialOut = TelphinFixtures.read("outbound-busy/01-dial-out.query").replace("CallFlow=out", "CallFlow=OUT");

        assertThat(TelphinFixtures.translate(TelphinFixtures.get(dialOut)).direction()).isEqualTo(Direction.OUTBOUND);
    }
}
