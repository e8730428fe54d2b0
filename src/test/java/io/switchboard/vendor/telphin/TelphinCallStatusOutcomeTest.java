package io.switchboard.vendor.telphin;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CallStatus of a hangup → outcomeHint; other events never carry a hint. */
class TelphinCallStatusOutcomeTest {

    private static final String HANGUP = TelphinFixtures.read("inbound-missed/02-hangup.form");

    @ParameterizedTest
    @CsvSource({
        "ANSWER,      ANSWERED",
        "BUSY,        BUSY",
        "NOANSWER,    NO_ANSWER",
        "CANCEL,      CANCELLED",
        "CONGESTION,  FAILED",
        "CHANUNAVAIL, FAILED",
        "busy,        BUSY",
        "NoAnswer,    NO_ANSWER"
    })
    void hangupStatusGivesTheHint(String status, Outcome outcome) {
        CallEvent event = hangupWith(status);

        assertThat(event.outcomeHint()).isEqualTo(outcome);
        assertThat(event.attributes()).containsEntry("callStatus", status);
    }

    @Test
    void unknownStatusIsKeptRawWithoutHint() {
        CallEvent event = hangupWith("VOICEMAIL");

        assertThat(event.outcomeHint()).isNull();
        assertThat(event.attributes()).containsEntry("callStatus", "VOICEMAIL");
    }

    @Test
    void missingStatusGivesNoHint() {
        CallEvent event = TelphinFixtures.translate(TelphinFixtures.post(HANGUP.replace("&CallStatus=NOANSWER", "")));

        assertThat(event.outcomeHint()).isNull();
        assertThat(event.attributes()).doesNotContainKey("callStatus");
    }

    @Test
    void answerEventNeverCarriesAnOutcomeHint() {
        assertThat(TelphinFixtures.event("inbound-answered/02-answer.query").outcomeHint()).isNull();
    }

    @Test
    void bridgedYesMeansAnsweredWhateverTheStatus() {
        CallEvent event = TelphinFixtures.translate(TelphinFixtures.post(HANGUP + "&Bridged=yes"));

        assertThat(event.outcomeHint()).isEqualTo(Outcome.ANSWERED);
    }

    @Test
    void bridgedNoKeepsAFailureStatus() {
        CallEvent event = TelphinFixtures.translate(
                TelphinFixtures.post(HANGUP.replace("CallStatus=NOANSWER", "CallStatus=CANCEL") + "&Bridged=no"));

        assertThat(event.outcomeHint()).isEqualTo(Outcome.CANCELLED);
    }

    private static CallEvent hangupWith(String status) {
        return TelphinFixtures.translate(TelphinFixtures.post(HANGUP.replace("CallStatus=NOANSWER", "CallStatus=" + status)));
    }
}
