package io.switchboard.vendor.keyyo;

import static io.switchboard.vendor.keyyo.KeyyoTestSupport.RECEIVED_AT;
import static io.switchboard.vendor.keyyo.KeyyoTestSupport.notifications;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Keyyo page's own example template: account, caller, callee and type only. */
class KeyyoMinimalTemplateTest {

    private final List<CallEvent> events = notifications(
            "minimal-template/01-setup.query", "minimal-template/02-connect.query", "minimal-template/03-release.query");

    @Test
    void eventsCarryNoIdsNoKeyAndTheReceptionTime() {
        assertThat(events).extracting(CallEvent::kind).containsExactly(EventKind.RING, EventKind.ANSWER, EventKind.HANGUP);
        assertThat(events).extracting(CallEvent::vendorCallId).containsOnlyNulls();
        assertThat(events).extracting(CallEvent::legId).containsOnlyNulls();
        assertThat(events).extracting(CallEvent::eventKey).containsOnlyNulls();
        assertThat(events).allSatisfy(e -> assertThat(e.linkedIds()).isEmpty());
        assertThat(events).extracting(CallEvent::occurredAt).containsOnly(RECEIVED_AT);
        assertThat(events).allSatisfy(e -> assertThat(e.attributes()).isEmpty());
    }

    @Test
    void eventsStillTellLineDirectionAndNumbers() {
        assertThat(events).extracting(CallEvent::line).containsOnly("+33172587948");
        assertThat(events).extracting(CallEvent::direction).containsOnly(Direction.INBOUND);
        assertThat(events).extracting(e -> e.from().number()).containsOnly("+33612345678");
        assertThat(events).extracting(e -> e.to().number()).containsOnly("+33172587948");
    }

    @Test
    void theHubJoinsThemByLineAndNumbers() {
        HubSimulation hub = new HubSimulation().accept(events);

        assertThat(hub.calls()).hasSize(1);
        assertThat(hub.calls().get(0).ended()).isTrue();
        assertThat(hub.calls().get(0).answered()).isTrue();
    }
}
