package io.switchboard.vendor.telphin;

import static io.switchboard.vendor.telphin.TelphinFixtures.micros;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.call.Outcome;
import io.switchboard.call.Party;
import java.util.List;
import org.junit.jupiter.api.Test;

/** fixtures/telphin/inbound-answered: +79161234567 calls the DID, extension 000*101 answers. */
class TelphinInboundAnsweredTest {

    private static final String CALL_ID = "a1f4c2e87b3d4e0f9c6b5a2d1e8f7c01";
    private static final String LEG = CALL_ID + "-0001";

    private final List<CallEvent> events = TelphinFixtures.scenario("inbound-answered");

    @Test
    void dialInRingsTheExtensionFromTheOutsideCaller() {
        CallEvent ring = events.get(0);

        assertThat(ring.kind()).isEqualTo(EventKind.RING);
        assertThat(ring.vendor()).isEqualTo("telphin");
        assertThat(ring.source()).isEqualTo("telphin-office");
        assertThat(ring.vendorEventType()).isEqualTo("dial-in");
        assertThat(ring.vendorCallId()).isEqualTo(CALL_ID);
        assertThat(ring.legId()).isEqualTo(LEG);
        assertThat(ring.occurredAt()).isEqualTo(micros(1732350000000000L));
        assertThat(ring.direction()).isEqualTo(Direction.INBOUND);
        assertThat(ring.from()).isEqualTo(Party.number("+79161234567", "+79161234567"));
        assertThat(ring.to()).isEqualTo(Party.number("+74951234567", "+74951234567"));
        assertThat(ring.line()).isEqualTo("000*101");
        assertThat(ring.agent()).isEqualTo("000*101");
        assertThat(ring.eventKey()).isEqualTo(CALL_ID + "|" + LEG + "|dial-in|1732350000000000");
        assertThat(ring.outcomeHint()).isNull();
    }

    @Test
    void dialInKeepsVendorFactsAsAttributes() {
        assertThat(events.get(0).attributes())
                .containsEntry("callApiId", "3593187-6b2f0c1d9e8a4f7b")
                .containsEntry("callerIdName", "Ivan Petrov")
                .containsEntry("calledDid", "+74951234567")
                .containsEntry("calledExtension", "000*101@sipproxy.telphin.ru")
                .containsEntry("calledExtensionId", "176")
                .containsEntry("callFlow", "in")
                .containsEntry("callStatus", "CALLING")
                .doesNotContainKey("callback");
    }

    @Test
    void answerDoesNotTakeTheShortExtensionForTheCaller() {
        CallEvent answer = events.get(1);

        assertThat(answer.kind()).isEqualTo(EventKind.ANSWER);
        assertThat(answer.occurredAt()).isEqualTo(micros(1732350008500000L));
        assertThat(answer.from()).isNull();
        assertThat(answer.attributes()).containsEntry("callerIdNum", "101");
        assertThat(answer.to().number()).isEqualTo("+74951234567");
        assertThat(answer.direction()).isEqualTo(Direction.INBOUND);
        assertThat(answer.line()).isEqualTo("000*101");
        assertThat(answer.legId()).isEqualTo(LEG);
    }

    @Test
    void hangupIsAnsweredWithAnswerTimeFromDurationAndKeepsTheRecordingId() {
        CallEvent hangup = events.get(2);

        assertThat(hangup.kind()).isEqualTo(EventKind.HANGUP);
        assertThat(hangup.outcomeHint()).isEqualTo(Outcome.ANSWERED);
        assertThat(hangup.occurredAt()).isEqualTo(micros(1732350103750000L));
        assertThat(hangup.answeredAtHint()).isEqualTo(micros(1732350008500000L));
        assertThat(hangup.recordingUrl()).isNull();
        assertThat(hangup.attributes())
                .containsEntry("recId", "7d1c3b5a-2e4f-4a6b-8c9d-0e1f2a3b4c5d")
                .containsEntry("durationMicros", "95250000")
                .containsEntry("callStatus", "ANSWER");
    }

    @Test
    void theCallFoldsToOneAnsweredEndedCall() {
        assertThat(TelphinFoldRules.callIds(events)).containsExactly(CALL_ID);
        assertThat(TelphinFoldRules.legs(events)).containsExactly(LEG);
        assertThat(TelphinFoldRules.ended(events)).isTrue();
        assertThat(TelphinFoldRules.answered(events)).isTrue();
        assertThat(events).extracting(CallEvent::eventKey).doesNotHaveDuplicates();
    }
}
