package io.switchboard.vendor.keyyo;

import static io.switchboard.vendor.keyyo.KeyyoTestSupport.notifications;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyyoOutboundCallTest {

    @Test
    void callerEqualToTheAccountIsAnOutboundCall() {
        List<CallEvent> events = notifications(
                "outbound/01-setup.query", "outbound/02-connect.query", "outbound/03-release.query");

        assertThat(events).extracting(CallEvent::kind)
                .containsExactly(EventKind.RING, EventKind.ANSWER, EventKind.HANGUP);
        assertThat(events).extracting(CallEvent::direction).containsOnly(Direction.OUTBOUND);
        assertThat(events).extracting(CallEvent::line).containsOnly("+33172587948");
        assertThat(events).extracting(e -> e.from().number()).containsOnly("+33172587948");
        assertThat(events).extracting(e -> e.to().number()).containsOnly("+33145678901");
        assertThat(events).extracting(CallEvent::vendorCallId).containsOnly("KY3C5E7A9B1D2F4A60");
        assertThat(events.get(1).agent()).isEqualTo("+33172587948");

        HubSimulation hub = new HubSimulation().accept(events);
        assertThat(hub.calls()).hasSize(1);
        assertThat(hub.calls().get(0).ended()).isTrue();
        assertThat(hub.calls().get(0).answered()).isTrue();
    }
}
