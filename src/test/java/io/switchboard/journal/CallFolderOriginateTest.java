package io.switchboard.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.Call;
import io.switchboard.call.CallEvent;
import io.switchboard.call.CallState;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.call.Outcome;
import io.switchboard.call.Party;
import io.switchboard.journal.CallFolder.CallIdentity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A click-to-call's ORIGINATE event opens the call RINGING and never keeps it from ending. */
class CallFolderOriginateTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final CallIdentity ID = new CallIdentity("c-2", "keyyo", "keyyo-paris");

    private static CallEvent originate() {
        return CallEvent.builder("keyyo", "hub:originate", EventKind.ORIGINATE, T0)
                .line("+33100000001")
                .direction(Direction.OUTBOUND)
                .from(Party.number("33100000001", "+33100000001"))
                .to(Party.number("+33698765432", "+33698765432"))
                .build();
    }

    private static CallEvent keyyo(String type, EventKind kind, int second) {
        return CallEvent.builder("keyyo", type, kind, T0.plusSeconds(second))
                .vendorCallId("KY1")
                .line("+33100000001")
                .direction(Direction.OUTBOUND)
                .from(Party.number("33100000001", "+33100000001"))
                .to(Party.number("33698765432", "+33698765432"))
                .build();
    }

    @Test
    void aRequestedCallWithoutVendorEventsIsRingingOutbound() {
        Call call = CallFolder.fold(ID, List.of(originate()));

        assertThat(call.state()).isEqualTo(CallState.RINGING);
        assertThat(call.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(call.startedAt()).isEqualTo(T0);
        assertThat(call.to()).isEqualTo("+33698765432");
        assertThat(call.endedAt()).isNull();
    }

    @Test
    void theVendorsEventsDecideTheRest() {
        Call call = CallFolder.fold(ID, List.of(originate(), keyyo("SETUP", EventKind.RING, 1),
                keyyo("CONNECT", EventKind.ANSWER, 10), keyyo("RELEASE", EventKind.HANGUP, 70)));

        assertThat(call.state()).isEqualTo(CallState.ENDED);
        assertThat(call.outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(call.startedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(call.talkSeconds()).isEqualTo(60);
        assertThat(call.vendorCallId()).isEqualTo("KY1");
        assertThat(call.legs()).isEmpty();
    }
}
