package io.switchboard.vendor.udesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.EventKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UdeskDialectEventMappingTest {

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource({
        "begin, in, RING", "begin, out, RING",
        "start_dialout, out, RING",
        "user_ringing, out, RING",
        "agent_ringing, in, RING", "agent_ringing, out, RING",
        "agent_answer, in, ANSWER", "agent_answer, out, INFO", "agent_answer, internal, ANSWER", "agent_answer, '', ANSWER",
        "user_answer, in, INFO", "user_answer, out, ANSWER", "user_answer, internal, ANSWER", "user_answer, '', ANSWER",
        "user_hangup, in, HANGUP", "user_hangup, out, HANGUP",
        "end, in, HANGUP", "end, out, HANGUP",
        "agent_hangup, in, INFO", "agent_hangup, out, INFO",
        "general_hangup, in, INFO", "hangup_cause, in, INFO",
        "record_stop, in, INFO", "voice_mail_succ, in, INFO",
        "agent_breakout, in, INFO", "agent_interrupt, in, INFO",
        "asr_gather_fail, in, INFO", "asr_gather_succ, in, INFO",
        "call_notes, in, INFO",
        "consult_fail, in, INFO", "consult_succ, in, INFO",
        "dtmf_gather_fail, in, INFO", "dtmf_gather_succ, in, INFO",
        "eavesdrop_fail, in, INFO", "eavesdrop_succ, in, INFO",
        "end_consult_fail, in, INFO", "end_consult_succ, in, INFO",
        "enqueue_succ, in, INFO", "extern_succ, in, INFO",
        "hold_call, in, INFO",
        "play_fail, in, INFO", "play_succ, in, INFO",
        "start_ivr, in, INFO",
        "substitute_fail, in, INFO", "substitute_succ, in, INFO",
        "three_way_fail, in, INFO", "three_way_succ, in, INFO",
        "transfer_agent_fail, in, INFO", "transfer_agent_succ, in, INFO",
        "voice_mail_fail, in, INFO",
        "acd_agent_state, '', NON_CALL", "ext_state, '', NON_CALL", "agent_call_mode_change, '', NON_CALL"
    })
    void mapsEachUdeskEvent(String event, String direction, EventKind expected) {
        String json = "{\"Event\":\"" + event + "\",\"CallId\":\"c-1\",\"Timestamp\":1709630100000"
                + (direction.isEmpty() ? "" : ",\"CallDirection\":\"" + direction + "\"") + "}";

        CallEvent translated = UdeskFixtures.translateJson(json);

        assertThat(translated.kind()).isEqualTo(expected);
        assertThat(translated.vendorEventType()).isEqualTo(event);
    }

    @ParameterizedTest
    @CsvSource({"record_stop", "voice_mail_succ"})
    void aRecordingEventWithAUrlIsARecording(String event) {
        CallEvent translated = UdeskFixtures.translateJson("{\"Event\":\"" + event
                + "\",\"CallId\":\"c-1\",\"RecordUrl\":\"https://rec.example.cn/c-1.wav\"}");

        assertThat(translated.kind()).isEqualTo(EventKind.RECORDING);
        assertThat(translated.recordingUrl()).isEqualTo("https://rec.example.cn/c-1.wav");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "in, INBOUND", "Inbound, INBOUND", "incoming, INBOUND", "呼入, INBOUND",
        "out, OUTBOUND", "OUTGOING, OUTBOUND", "callout, OUTBOUND", "呼出, OUTBOUND",
        "internal, INTERNAL", "'incoming (transfer)', INBOUND"
    })
    void readsDirectionWords(String word, String expected) {
        CallEvent translated = UdeskFixtures.translateJson(
                "{\"Event\":\"begin\",\"CallId\":\"c-1\",\"CallDirection\":\"" + word + "\"}");

        assertThat(translated.direction()).hasToString(expected);
    }

    @ParameterizedTest
    @CsvSource({"1", "2", "sideways"})
    void leavesUnknownDirectionCodesUnknown(String code) {
        CallEvent translated = UdeskFixtures.translateJson(
                "{\"Event\":\"begin\",\"CallId\":\"c-1\",\"CallDirection\":\"" + code + "\"}");

        assertThat(translated.direction()).isNull();
        assertThat(translated.attributes()).containsEntry("callDirection", code);
    }
}
