package io.switchboard.vendor.keyyo;

import static io.switchboard.vendor.keyyo.KeyyoTestSupport.notifications;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyyoInboundMissedCallTest {

    @Test
    void releaseWithoutConnectEndsAnInboundCallNeverAnswered() {
        List<CallEvent> events = notifications("inbound-missed/01-setup.query", "inbound-missed/02-release.query");

        assertThat(events).extracting(CallEvent::kind).containsExactly(EventKind.RING, EventKind.HANGUP);
        assertThat(events).extracting(CallEvent::direction).containsOnly(Direction.INBOUND);
        assertThat(events).extracting(CallEvent::outcomeHint).containsOnlyNulls();
        assertThat(events).extracting(CallEvent::agent).containsOnlyNulls();
        assertThat(events.get(0).from().number()).isEqualTo("+33145678901");

        HubSimulation hub = new HubSimulation().accept(events);
        assertThat(hub.calls()).hasSize(1);
        assertThat(hub.calls().get(0).ended()).isTrue();
        assertThat(hub.calls().get(0).answered()).isFalse();
        assertThat(hub.calls().get(0).direction()).isEqualTo(Direction.INBOUND);
    }
}
