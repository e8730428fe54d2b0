package io.switchboard.vendor.udesk;

import static io.switchboard.vendor.udesk.UdeskFixtures.HOTLINE;
import static io.switchboard.vendor.udesk.UdeskFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.call.Party;
import java.util.List;
import org.junit.jupiter.api.Test;

class UdeskDialectInboundAnsweredTest {

    private static final String CALL = "7f3c2a10-5b1e-4c8e-9d2a-1e6f0b8a4c01";

    private final List<CallEvent> events = UdeskFixtures.scenario("inbound-answered",
            "01-begin", "02-user-answer", "03-agent-ringing", "04-agent-answer",
            "05-agent-hangup", "06-user-hangup", "07-record-stop", "08-end");

    @Test
    void mapsEveryStepOfTheCall() {
        assertThat(events).extracting(CallEvent::vendorEventType).containsExactly(
                "begin", "user_answer", "agent_ringing", "agent_answer",
                "agent_hangup", "user_hangup", "record_stop", "end");
        assertThat(events).extracting(CallEvent::kind).containsExactly(
                EventKind.RING, EventKind.INFO, EventKind.RING, EventKind.ANSWER,
                EventKind.INFO, EventKind.HANGUP, EventKind.RECORDING, EventKind.HANGUP);
    }

    @Test
    void theSystemAnsweringTheCallerIsNotAnAnswer() {
        assertThat(events.get(1).kind()).isEqualTo(EventKind.INFO);
        assertThat(events.get(3).kind()).isEqualTo(EventKind.ANSWER);
        assertThat(events.get(3).occurredAt()).isEqualTo(T0.plusSeconds(12));
    }

    @Test
    void everyEventBelongsToOneCallWithoutLegs() {
        assertThat(events).allSatisfy(e -> {
            assertThat(e.vendor()).isEqualTo("udesk");
            assertThat(e.source()).isEqualTo("udesk-cn");
            assertThat(e.vendorCallId()).isEqualTo(CALL);
            assertThat(e.legId()).isNull();
            assertThat(e.direction()).isEqualTo(Direction.INBOUND);
            assertThat(e.line()).isEqualTo(HOTLINE);
        });
    }

    @Test
    void readsPartiesAsChineseNumbers() {
        CallEvent begin = events.get(0);

        assertThat(begin.from()).isEqualTo(Party.number("13812345678", "+8613812345678"));
        assertThat(begin.to()).isEqualTo(Party.number("057128091649", HOTLINE));
        assertThat(begin.agent()).isNull();
        assertThat(events.get(3).agent()).isEqualTo("1001");
    }

    @Test
    void usesVendorTimeAndStableKeys() {
        CallEvent hangup = events.get(5);

        assertThat(hangup.occurredAt()).isEqualTo(T0.plusMillis(95_200));
        assertThat(hangup.eventKey()).isEqualTo(CALL + "|user_hangup|1709630195200");
        assertThat(events).extracting(CallEvent::eventKey).doesNotHaveDuplicates();
    }

    @Test
    void keepsUserDataAndHangupSide() {
        assertThat(events.get(0).attributes()).containsEntry("userData", "order=A-7781")
                .containsEntry("callDirection", "in")
                .doesNotContainKey("hangupBy");
        assertThat(events.get(7).attributes()).containsEntry("hangupBy", "agent");
    }

    @Test
    void recordStopCarriesTheRecording() {
        assertThat(events.get(6).recordingUrl()).isEqualTo("https://rec.example.cn/2024/03/05/7f3c2a10.mp3");
    }

    @Test
    void translatingAgainGivesTheSameEvents() {
        List<CallEvent> again = UdeskFixtures.scenario("inbound-answered",
                "01-begin", "02-user-answer", "03-agent-ringing", "04-agent-answer",
                "05-agent-hangup", "06-user-hangup", "07-record-stop", "08-end");

        assertThat(again).isEqualTo(events);
    }
}
