package io.switchboard.vendor.callr;

import static io.switchboard.vendor.callr.CallrFixtures.translate;
import static io.switchboard.vendor.callr.CallrFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.call.CallEvent;
import io.switchboard.call.Outcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallrOutcomeTest {

    private static ObjectNode outboundHangup(String dialStatus) {
        ObjectNode tree = tree("inbound-forwarded/03-outbound-hangup.json");
        ((ObjectNode) tree.get("data")).put("dialstatus", dialStatus);
        return tree;
    }

    @ParameterizedTest
    @CsvSource({
        "ANSWER, ANSWERED",
        "NOANSWER, NO_ANSWER",
        "BUSY, BUSY",
        "CANCEL, CANCELLED",
        "CHANUNAVAIL, FAILED",
        "CONGESTION, FAILED",
        "NODIAL, FAILED",
        "busy, BUSY"
    })
    void dialStatusDecides(String dialStatus, Outcome expected) {
        CallEvent event = translate(outboundHangup(dialStatus));

        assertThat(event.outcomeHint()).isEqualTo(expected);
        assertThat(event.answeredAtHint())
                .isEqualTo(expected == Outcome.ANSWERED ? Instant.parse("2025-03-14T14:05:06Z") : null);
        assertThat(event.attributes()).containsEntry("dialstatus", dialStatus);
    }

    @Test
    void unknownDialStatusFallsBackToTheAnswerFields() {
        CallEvent event = translate(outboundHangup("SOMETHING_NEW"));

        assertThat(event.outcomeHint()).isEqualTo(Outcome.ANSWERED);
        assertThat(event.attributes()).containsEntry("dialstatus", "SOMETHING_NEW");
    }

    @Test
    void inboundAnsweredByDurationAlone() {
        ObjectNode tree = tree("inbound-answered/02-inbound-hangup.json");
        ((ObjectNode) tree.get("data")).put("answer", "0000-00-00 00:00:00");

        CallEvent event = translate(tree);

        assertThat(event.outcomeHint()).isEqualTo(Outcome.ANSWERED);
        assertThat(event.answeredAtHint()).isNull();
    }

    @Test
    void inboundAnsweredByDateAlone() {
        ObjectNode tree = tree("inbound-missed/02-inbound-hangup.json");
        ObjectNode data = (ObjectNode) tree.get("data");
        data.put("answer", "2025-03-14 10:02:20");
        data.remove("duration_answered");

        CallEvent event = translate(tree);

        assertThat(event.outcomeHint()).isEqualTo(Outcome.ANSWERED);
        assertThat(event.answeredAtHint()).isEqualTo(Instant.parse("2025-03-14T10:02:20Z"));
    }

    @Test
    void emptyOrNullAnswerMeansNotAnswered() {
        ObjectNode empty = tree("inbound-missed/02-inbound-hangup.json");
        ((ObjectNode) empty.get("data")).put("answer", "");
        ObjectNode nulled = tree("inbound-missed/02-inbound-hangup.json");
        ((ObjectNode) nulled.get("data")).putNull("answer");
        ((ObjectNode) nulled.get("data")).put("duration_answered", "0");

        assertThat(translate(empty).outcomeHint()).isNull();
        assertThat(translate(nulled).outcomeHint()).isNull();
    }
}
