package io.switchboard.vendor.udesk;

import static io.switchboard.vendor.udesk.UdeskFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.EventKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class UdeskDialectAgentStateTest {

    private final List<CallEvent> events = UdeskFixtures.scenario("agent-state",
            "01-acd-agent-state", "02-ext-state", "03-agent-call-mode-change");

    @Test
    void agentEventsAreNotCalls() {
        assertThat(events).extracting(CallEvent::kind).containsOnly(EventKind.NON_CALL);
        assertThat(events).extracting(CallEvent::vendorEventType)
                .containsExactly("acd_agent_state", "ext_state", "agent_call_mode_change");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.vendorCallId()).isNull();
            assertThat(e.agent()).isEqualTo("1001");
            assertThat(e.from()).isNull();
        });
    }

    @Test
    void keepsTheStatesAndKeysByAgent() {
        CallEvent state = events.get(0);

        assertThat(state.attributes()).containsEntry("curState", "busy").containsEntry("oldState", "idle");
        assertThat(state.eventKey()).isEqualTo("agent:1001|acd_agent_state|1709630100000");
        assertThat(state.occurredAt()).isEqualTo(T0);
        assertThat(events.get(2).attributes()).containsEntry("curContact", "voip");
    }
}
