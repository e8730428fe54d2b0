package io.switchboard.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** What CRM mappings derive from a canonical call. */
class CallFactsTest {

    @Test
    void theCustomerIsTheCallerOfAnInboundCallAndTheCalledOfAnOutboundOne() {
        assertThat(CrmTestCalls.facts(CrmTestCalls.inboundAnswered("c1")).customerNumber()).isEqualTo(CrmTestCalls.CUSTOMER);
        assertThat(CrmTestCalls.facts(CrmTestCalls.outboundBusy("c2")).customerNumber()).isEqualTo(CrmTestCalls.CUSTOMER);
        assertThat(CrmTestCalls.facts(CrmTestCalls.internal("c3")).customerNumber()).isNull();
    }

    @Test
    void durationIsTalkTimeAndZeroWhenUnanswered() {
        assertThat(CrmTestCalls.facts(CrmTestCalls.inboundAnswered("c1")).durationSeconds()).isEqualTo(65);
        assertThat(CrmTestCalls.facts(CrmTestCalls.inboundMissed("c2")).durationSeconds()).isZero();
    }

    @Test
    void titlesSayWhatHappened() {
        assertThat(CrmTestCalls.facts(CrmTestCalls.inboundAnswered("c1")).title()).isEqualTo("Inbound call from +33612345678");
        assertThat(CrmTestCalls.facts(CrmTestCalls.inboundMissed("c2")).title()).isEqualTo("Missed call from +33612345678");
        assertThat(CrmTestCalls.facts(CrmTestCalls.outboundBusy("c3")).title()).isEqualTo("Outbound call to +33612345678");
    }

    @Test
    void notesCarryOutcomeTimesAgentRecordingAndTheHubCallId() {
        assertThat(CrmTestCalls.facts(CrmTestCalls.inboundAnswered("c1")).notes())
                .contains("Outcome: ANSWERED", "Talk time: 1:05", "Ring time: 0:07", "Agent: 201",
                        "Recording: https://rec.example/r/c1.mp3", "Switchboard call id: c1");
    }

    @Test
    void aBodyThatIsNotACallIsRefusedWithAReason() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> CallFacts.parse("")).getMessage()).contains("empty");
        assertThat(assertThrows(IllegalArgumentException.class, () -> CallFacts.parse("{oops")).getMessage())
                .contains("not a canonical call");
        assertThat(assertThrows(IllegalArgumentException.class, () -> CallFacts.parse("{\"vendor\":\"x\"}")).getMessage())
                .contains("no id");
    }
}
