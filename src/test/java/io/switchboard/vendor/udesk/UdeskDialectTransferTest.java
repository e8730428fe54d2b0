package io.switchboard.vendor.udesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.EventKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class UdeskDialectTransferTest {

    private final List<CallEvent> events = UdeskFixtures.scenario("transfer",
            "01-begin", "02-agent-ringing", "03-agent-answer", "04-transfer-agent-succ", "05-agent-hangup",
            "06-agent-ringing", "07-agent-answer", "08-user-hangup", "09-end");

    @Test
    void theFirstAgentLeavingDoesNotEndTheCall() {
        assertThat(events).extracting(CallEvent::kind).containsExactly(
                EventKind.RING, EventKind.RING, EventKind.ANSWER, EventKind.INFO, EventKind.INFO,
                EventKind.RING, EventKind.ANSWER, EventKind.HANGUP, EventKind.HANGUP);
        assertThat(events.subList(0, 7)).noneMatch(e -> e.kind() == EventKind.HANGUP);
    }

    @Test
    void bothAgentsAreOnTheSameCall() {
        assertThat(events).extracting(CallEvent::vendorCallId).containsOnly("3e1a7c55-2d4b-4b9e-8f10-6a5c4d3b2a04");
        assertThat(events).extracting(CallEvent::agent)
                .containsExactly(null, "1001", "1001", "1001", "1001", "1002", "1002", "1002", "1002");
    }

    @Test
    void theTwoRingsOfDifferentAgentsKeepDistinctKeys() {
        assertThat(events.get(1).eventKey()).isNotEqualTo(events.get(5).eventKey());
        assertThat(events.get(3).vendorEventType()).isEqualTo("transfer_agent_succ");
    }
}
