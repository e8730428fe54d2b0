package io.switchboard.vendor.keyyo;

import static io.switchboard.vendor.keyyo.KeyyoTestSupport.notification;
import static io.switchboard.vendor.keyyo.KeyyoTestSupport.notifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A call to reception number R rings agents A and B; A answers. */
class KeyyoAcdSessionCorrelationTest {

    private static final String SESSION = "3f9c2b7e-4d1a-4c8e-9b6f-2a5d7e1c0b94";
    private static final String[] SCENARIO = {
        "acd-session/01-setup-agent-a.query",
        "acd-session/02-setup-agent-b.query",
        "acd-session/03-connect-agent-a.query",
        "acd-session/04-release-agent-b.query",
        "acd-session/05-release-agent-a.query"
    };

    @Test
    void sessionIdIsTheCallIdDrefTheLegAndCallrefALinkedId() {
        CallEvent a = notification(SCENARIO[0]);
        CallEvent b = notification(SCENARIO[1]);

        assertThat(a.vendorCallId()).isEqualTo(SESSION);
        assertThat(b.vendorCallId()).isEqualTo(SESSION);
        assertThat(a.legId()).isEqualTo("c0ffee00c0ffee00c0ffee00c0ffee0a");
        assertThat(b.legId()).isEqualTo("c0ffee00c0ffee00c0ffee00c0ffee0b");
        assertThat(a.linkedIds()).containsExactly("KYACD0001A");
        assertThat(b.linkedIds()).containsExactly("KYACD0001B");
        assertThat(a.attributes()).contains(entry("sessionId", SESSION), entry("isAcd", "1"));
    }

    @Test
    void anAcdLegIsInboundEvenWhenTheCalleeIsTheReceptionNumber() {
        CallEvent a = notification(SCENARIO[0]);

        assertThat(a.line()).isEqualTo("+33172587948");
        assertThat(a.to().number()).isEqualTo("+33975123456");
        assertThat(a.direction()).isEqualTo(Direction.INBOUND);
    }

    @Test
    void withoutDrefTheCallrefNamesTheLeg() {
        CallEvent e = KeyyoTestSupport.notification(SCENARIO[0]);
        CallEvent noDref = new KeyyoDialect().translate(KeyyoTestSupport.get(
                KeyyoTestSupport.fixture(SCENARIO[0]).replace("dref=c0ffee00c0ffee00c0ffee00c0ffee0a", "dref=")),
                KeyyoTestSupport.source()).get(0);

        assertThat(e.legId()).isNotEqualTo(noDref.legId());
        assertThat(noDref.vendorCallId()).isEqualTo(SESSION);
        assertThat(noDref.legId()).isEqualTo("KYACD0001A");
        assertThat(noDref.linkedIds()).isEmpty();
    }

    @Test
    void bothAgentLegsMakeOneCallAnsweredByAgentAEndedWhenBothReleased() {
        List<CallEvent> events = notifications(SCENARIO);
        assertThat(events).extracting(CallEvent::kind).containsExactly(
                EventKind.RING, EventKind.RING, EventKind.ANSWER, EventKind.HANGUP, EventKind.HANGUP);

        HubSimulation hub = new HubSimulation().accept(events.subList(0, 4));
        assertThat(hub.calls()).hasSize(1);
        assertThat(hub.calls().get(0).ended()).as("agent A still talking").isFalse();

        hub.accept(events.get(4));
        HubSimulation.SimCall call = hub.calls().get(0);
        assertThat(call.ended()).isTrue();
        assertThat(call.answered()).isTrue();
        assertThat(call.agent()).isEqualTo("+33172587948");
        assertThat(call.direction()).isEqualTo(Direction.INBOUND);
    }
}
