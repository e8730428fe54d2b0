package io.switchboard.vendor.udesk;

import static io.switchboard.vendor.udesk.UdeskFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class UdeskDialectInboundMissedTest {

    private final List<CallEvent> events = UdeskFixtures.scenario("inbound-missed",
            "01-begin", "02-agent-ringing", "03-user-hangup", "04-end");

    @Test
    void ringsAndHangsUpWithoutAnswer() {
        assertThat(events).extracting(CallEvent::kind).containsExactly(
                EventKind.RING, EventKind.RING, EventKind.HANGUP, EventKind.HANGUP);
        assertThat(events).noneMatch(e -> e.kind() == EventKind.ANSWER);
        assertThat(events).allMatch(e -> e.direction() == Direction.INBOUND);
    }

    @Test
    void theCallerHangingUpEndsTheCallEvenWithoutEnd() {
        CallEvent userHangup = events.get(2);

        assertThat(userHangup.kind()).isEqualTo(EventKind.HANGUP);
        assertThat(userHangup.legId()).isNull();
        assertThat(userHangup.occurredAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(userHangup.attributes()).containsEntry("hangupBy", "customer");
        assertThat(userHangup.outcomeHint()).isNull();
    }

    @Test
    void readsALandlineCaller() {
        assertThat(events.get(0).from().number()).isEqualTo("+861086482889");
        assertThat(events.get(0).from().raw()).isEqualTo("01086482889");
        assertThat(events.get(1).agent()).isEqualTo("1001");
    }
}
