package io.switchboard.vendor.udesk;

import static io.switchboard.vendor.udesk.UdeskFixtures.HOTLINE;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class UdeskDialectOutboundTest {

    private final List<CallEvent> events = UdeskFixtures.scenario("outbound-dialout",
            "01-start-dialout", "02-agent-ringing", "03-agent-answer", "04-user-ringing",
            "05-user-answer", "06-agent-hangup", "07-end");

    @Test
    void onlyTheCustomerAnsweringAnswersTheCall() {
        assertThat(events).extracting(CallEvent::kind).containsExactly(
                EventKind.RING, EventKind.RING, EventKind.INFO, EventKind.RING,
                EventKind.ANSWER, EventKind.INFO, EventKind.HANGUP);
    }

    @Test
    void startDialoutIsOutboundWithoutADirectionField() {
        CallEvent dialout = events.get(0);

        assertThat(dialout.attributes()).doesNotContainKey("callDirection");
        assertThat(dialout.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(events).allMatch(e -> e.direction() == Direction.OUTBOUND);
    }

    @Test
    void theTrunkCallsTheCustomer() {
        CallEvent dialout = events.get(0);

        assertThat(dialout.from().number()).isEqualTo(HOTLINE);
        assertThat(dialout.to().number()).isEqualTo("+8615652692674");
        assertThat(dialout.line()).isEqualTo(HOTLINE);
        assertThat(dialout.agent()).isEqualTo("1002");
        assertThat(dialout.vendorCallId()).isEqualTo("97688e57-7a36-40f7-694a-393d4d1a10d3");
        assertThat(dialout.attributes()).containsEntry("userData", "lead=L-553");
    }
}
