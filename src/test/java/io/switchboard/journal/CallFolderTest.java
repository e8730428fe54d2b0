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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallFolderTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final CallIdentity ID = new CallIdentity("c-1", "keyyo", "keyyo-paris");

    private static CallEvent.Builder event(String type, EventKind kind, int second) {
        return CallEvent.builder("keyyo", type, kind, T0.plusSeconds(second))
                .vendorCallId("ref-1")
                .line("+33123456789")
                .direction(Direction.INBOUND)
                .from(Party.number("33698765432", "+33698765432"))
                .to(Party.number("33123456789", "+33123456789"));
    }

    private static Call fold(CallEvent... events) {
        return CallFolder.fold(ID, List.of(events));
    }

    @Test
    void inboundAnsweredCallHasTimesDurationsAndOutcome() {
        Call call = fold(
                event("SETUP", EventKind.RING, 0).build(),
                event("CONNECT", EventKind.ANSWER, 12).agent("201").build(),
                event("RELEASE", EventKind.HANGUP, 72).build());

        assertThat(call.state()).isEqualTo(CallState.ENDED);
        assertThat(call.outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(call.startedAt()).isEqualTo(T0);
        assertThat(call.answeredAt()).isEqualTo(T0.plusSeconds(12));
        assertThat(call.endedAt()).isEqualTo(T0.plusSeconds(72));
        assertThat(call.ringSeconds()).isEqualTo(12);
        assertThat(call.talkSeconds()).isEqualTo(60);
        assertThat(call.agent()).isEqualTo("201");
        assertThat(call.from()).isEqualTo("+33698765432");
        assertThat(call.to()).isEqualTo("+33123456789");
        assertThat(call.vendorCallId()).isEqualTo("ref-1");
        assertThat(call.direction()).isEqualTo(Direction.INBOUND);
    }

    @Test
    void inboundCallReleasedWithoutConnectIsMissed() {
        Call call = fold(event("SETUP", EventKind.RING, 0).build(), event("RELEASE", EventKind.HANGUP, 20).build());

        assertThat(call.state()).isEqualTo(CallState.ENDED);
        assertThat(call.outcome()).isEqualTo(Outcome.MISSED);
        assertThat(call.ringSeconds()).isEqualTo(20);
        assertThat(call.talkSeconds()).isNull();
        assertThat(call.answeredAt()).isNull();
    }

    @Test
    void eventsInAnyOrderGiveTheSameCall() {
        List<CallEvent> events = new ArrayList<>(List.of(
                event("SETUP", EventKind.RING, 0).build(),
                event("CONNECT", EventKind.ANSWER, 5).build(),
                event("RELEASE", EventKind.HANGUP, 65).build()));
        Call inOrder = CallFolder.fold(ID, events);
        Collections.reverse(events);
        Call reversed = CallFolder.fold(ID, events);

        assertThat(reversed).isEqualTo(inOrder);
        assertThat(reversed.outcome()).isEqualTo(Outcome.ANSWERED);
    }

    @Test
    void hangupBeforeAnswerArrivesStillEndsAnswered() {
        Call call = fold(event("RELEASE", EventKind.HANGUP, 65).build(), event("CONNECT", EventKind.ANSWER, 5).build());

        assertThat(call.state()).isEqualTo(CallState.ENDED);
        assertThat(call.outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(call.talkSeconds()).isEqualTo(60);
    }

    @Test
    void aCallStaysOpenUntilEveryLegHasHungUp() {
        CallEvent legA = event("dial-in", EventKind.RING, 0).legId("a").build();
        CallEvent legB = event("dial-in", EventKind.RING, 1).legId("b").build();
        CallEvent answerB = event("answer", EventKind.ANSWER, 8).legId("b").agent("202").build();
        CallEvent hangupA = event("hangup", EventKind.HANGUP, 8).legId("a").build();

        Call open = fold(legA, legB, answerB, hangupA);
        assertThat(open.state()).isEqualTo(CallState.ANSWERED);
        assertThat(open.endedAt()).isNull();

        Call ended = fold(legA, legB, answerB, hangupA, event("hangup", EventKind.HANGUP, 90).legId("b").build());
        assertThat(ended.state()).isEqualTo(CallState.ENDED);
        assertThat(ended.outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(ended.agent()).isEqualTo("202");
        assertThat(ended.legs()).containsExactly("a", "b");
        assertThat(ended.endedAt()).isEqualTo(T0.plusSeconds(90));
    }

    @Test
    void outboundCallUsesTheVendorsVerdict() {
        Call call = fold(
                event("call.outbound_start", EventKind.RING, 0).direction(Direction.OUTBOUND).build(),
                event("call.outbound_hangup", EventKind.HANGUP, 9)
                        .direction(Direction.OUTBOUND)
                        .outcomeHint(Outcome.BUSY)
                        .build());

        assertThat(call.outcome()).isEqualTo(Outcome.BUSY);
    }

    @Test
    void unansweredOutboundWithoutVerdictIsNoAnswer() {
        Call call = fold(
                event("SETUP", EventKind.RING, 0).direction(Direction.OUTBOUND).build(),
                event("RELEASE", EventKind.HANGUP, 30).direction(Direction.OUTBOUND).build());

        assertThat(call.outcome()).isEqualTo(Outcome.NO_ANSWER);
    }

    @Test
    void cdrHintsGiveStartAndAnswerTimesFromASingleHangup() {
        Call call = fold(event("call.inbound_hangup", EventKind.HANGUP, 100)
                .startedAtHint(T0.plusSeconds(10))
                .answeredAtHint(T0.plusSeconds(25))
                .outcomeHint(Outcome.ANSWERED)
                .build());

        assertThat(call.startedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(call.answeredAt()).isEqualTo(T0.plusSeconds(25));
        assertThat(call.ringSeconds()).isEqualTo(15);
        assertThat(call.talkSeconds()).isEqualTo(75);
        assertThat(call.outcome()).isEqualTo(Outcome.ANSWERED);
    }

    @Test
    void recordingAndNonCallEventsDoNotChangeTheState() {
        Call call = fold(
                event("SETUP", EventKind.RING, 0).build(),
                event("media.recording.new", EventKind.RECORDING, 3).recordingUrl("https://rec/1.mp3").build(),
                event("sms.mo", EventKind.NON_CALL, 4).build());

        assertThat(call.state()).isEqualTo(CallState.RINGING);
        assertThat(call.recordingUrl()).isEqualTo("https://rec/1.mp3");
        assertThat(call.outcome()).isNull();
    }

    @Test
    void aDuplicateEventChangesNothing() {
        CallEvent ring = event("SETUP", EventKind.RING, 0).build();
        CallEvent hangup = event("RELEASE", EventKind.HANGUP, 20).build();

        assertThat(fold(ring, ring, hangup, hangup)).isEqualTo(fold(ring, hangup));
    }
}
