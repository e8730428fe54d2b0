package io.switchboard.vendor.udesk;

import static io.switchboard.vendor.udesk.UdeskFixtures.HOTLINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.call.Outcome;
import io.switchboard.ingress.RejectedRequestException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UdeskCallLogTranslatorTest {

    private final UdeskCallLogTranslator translator = new UdeskCallLogTranslator();

    private List<CallEvent> record(String fixture, int index) {
        JsonNode record = UdeskFixtures.json("call-logs/" + fixture).at("/Result/CallLogs/" + index);
        return translator.translate(record, UdeskFixtures.source());
    }

    @Test
    void anOutgoingCallTheCustomerNeverAnsweredIsRingAndHangup() {
        List<CallEvent> events = record("seed-example.json", 0);

        assertThat(events).extracting(CallEvent::kind).containsExactly(EventKind.RING, EventKind.HANGUP);
        CallEvent hangup = events.get(1);
        assertThat(hangup.vendorCallId()).isEqualTo("bc1cc555-0b24-4e1c-9979-a514888ea495");
        assertThat(hangup.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(hangup.occurredAt()).isEqualTo(Instant.ofEpochMilli(1566320334606L));
        assertThat(hangup.startedAtHint()).isEqualTo(Instant.ofEpochMilli(1566298669326L));
        assertThat(hangup.answeredAtHint()).isNull();
        assertThat(hangup.outcomeHint()).isNull();
        assertThat(hangup.from().number()).isEqualTo(HOTLINE);
        assertThat(hangup.to().number()).isEqualTo("+861086482889");
        assertThat(hangup.line()).isEqualTo(HOTLINE);
        assertThat(hangup.agent()).isNull();
        assertThat(hangup.attributes()).containsEntry("hangupBy", "agent").containsEntry("callType", "Outgoing")
                .doesNotContainKey("agentName");
    }

    @Test
    void anIncomingCallIsAnsweredWhenTheAgentAnswers() {
        List<CallEvent> events = record("seed-example.json", 1);

        assertThat(events).extracting(CallEvent::kind)
                .containsExactly(EventKind.RING, EventKind.ANSWER, EventKind.HANGUP);
        assertThat(events.get(1).occurredAt()).isEqualTo(Instant.ofEpochMilli(1566351292686L));
        CallEvent hangup = events.get(2);
        assertThat(hangup.answeredAtHint()).isEqualTo(Instant.ofEpochMilli(1566351292686L));
        assertThat(hangup.outcomeHint()).isEqualTo(Outcome.ANSWERED);
        assertThat(hangup.direction()).isEqualTo(Direction.INBOUND);
        assertThat(hangup.to().number()).isEqualTo(HOTLINE);
        assertThat(hangup.from()).as("udesk wrote the trunk as user number").isNull();
    }

    @Test
    void keysAreLogPrefixedAndStable() {
        List<CallEvent> events = record("seed-example.json", 1);

        assertThat(events).extracting(CallEvent::eventKey).containsExactly(
                "log|50def7e0-cf70-411e-9e05-4381817b441c|log_start",
                "log|50def7e0-cf70-411e-9e05-4381817b441c|log_answer",
                "log|50def7e0-cf70-411e-9e05-4381817b441c|log_end");
        assertThat(record("seed-example.json", 1)).isEqualTo(events);
        assertThat(events).allMatch(e -> e.legId() == null && "udesk-cn".equals(e.source()));
    }

    @Test
    void anIncomingCallOnlyTheSystemAnsweredIsNotAnswered() {
        List<CallEvent> events = record("inbound-missed-and-answered.json", 0);

        assertThat(events).extracting(CallEvent::kind).containsExactly(EventKind.RING, EventKind.HANGUP);
        CallEvent hangup = events.get(1);
        assertThat(hangup.vendorCallId()).isEqualTo("0b9d4e22-8c31-4f7a-a6d5-3c2e9f1b7d02");
        assertThat(hangup.from().number()).isEqualTo("+861086482889");
        assertThat(hangup.agent()).isEqualTo("1001");
        assertThat(hangup.attributes()).containsEntry("hangupBy", "customer").containsEntry("agentEmail", "wang@example.cn")
                .containsEntry("userCity", "北京");
    }

    @Test
    void aTransferredIncomingCallReadsAsInbound() {
        List<CallEvent> events = record("inbound-missed-and-answered.json", 1);

        assertThat(events).extracting(CallEvent::kind)
                .containsExactly(EventKind.RING, EventKind.ANSWER, EventKind.HANGUP);
        assertThat(events.get(2).direction()).isEqualTo(Direction.INBOUND);
        assertThat(events.get(2).attributes()).containsEntry("callType", "incoming (transfer)")
                .containsEntry("callDuration", "114");
        assertThat(events.get(2).agent()).isEqualTo("1002");
    }

    @Test
    void derivesTheEndFromTheTotalDurationWhenEndTimeIsMissing() throws Exception {
        JsonNode record = new ObjectMapper().readTree(
                "{\"CallId\":\"c\",\"StartTime\":1709630100000,\"TotalDuration\":30,\"CallType\":\"Incoming\"}");

        List<CallEvent> events = translator.translate(record, UdeskFixtures.source());

        assertThat(events.get(events.size() - 1).occurredAt()).isEqualTo(UdeskFixtures.T0.plusSeconds(30));
    }

    @Test
    void rejectsARecordWithoutCallIdOrEnd() throws Exception {
        ObjectMapper mapper = new ObjectMapper();

        RejectedRequestException noId = catchThrowableOfType(
                () -> translator.translate(mapper.readTree("{\"EndTime\":1}"), UdeskFixtures.source()),
                RejectedRequestException.class);
        RejectedRequestException noEnd = catchThrowableOfType(
                () -> translator.translate(mapper.readTree("{\"CallId\":\"c\"}"), UdeskFixtures.source()),
                RejectedRequestException.class);

        assertThat(noId.getMessage()).contains("CallId");
        assertThat(noEnd.getMessage()).contains("EndTime");
    }
}
