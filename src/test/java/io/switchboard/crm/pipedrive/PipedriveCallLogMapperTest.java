package io.switchboard.crm.pipedrive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.call.Call;
import io.switchboard.crm.ContactMatch;
import io.switchboard.crm.CrmCallWriter.Activity;
import io.switchboard.crm.CrmContact;
import io.switchboard.crm.CrmTestCalls;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Canonical call → Pipedrive call log: outcome enum, UTC "YYYY-MM-DD HH:MM:SS", seconds, numeric ids. */
class PipedriveCallLogMapperTest {

    private static Activity activity(Call call, List<CrmContact> linked, String owner) {
        return new Activity(CrmTestCalls.facts(call), new ContactMatch(ContactMatch.Status.UNIQUE, linked, linked), owner);
    }

    @Test
    void anAnsweredCallIsAConnectedCallLogWithUtcTimes() {
        ObjectNode log = PipedriveCallLogMapper.callLog(
                activity(CrmTestCalls.inboundAnswered("c1"), List.of(new CrmContact("person", "42", null)), "7"), "9");

        assertThat(log.path("outcome").asText()).isEqualTo("connected");
        assertThat(log.path("start_time").asText()).isEqualTo("2026-11-23 09:15:00");
        assertThat(log.path("end_time").asText()).isEqualTo("2026-11-23 09:16:12");
        assertThat(log.path("duration").asText()).isEqualTo("65");
        assertThat(log.path("from_phone_number").asText()).isEqualTo("+33612345678");
        assertThat(log.path("to_phone_number").asText()).isEqualTo("+33123456789");
        assertThat(log.path("person_id").isIntegralNumber()).isTrue();
        assertThat(log.path("person_id").asLong()).isEqualTo(42);
        assertThat(log.path("org_id").asLong()).isEqualTo(9);
        assertThat(log.path("user_id").asLong()).isEqualTo(7);
        assertThat(log.path("subject").asText()).isEqualTo("Inbound call from +33612345678");
        assertThat(log.path("note").asText()).contains("Recording: https://rec.example/r/c1.mp3");
    }

    @Test
    void unansweredOutcomesMapToPipedrivesEnum() {
        assertThat(PipedriveCallLogMapper.outcome(CrmTestCalls.inboundMissed("m"))).isEqualTo("no_answer");
        assertThat(PipedriveCallLogMapper.outcome(CrmTestCalls.outboundBusy("b"))).isEqualTo("busy");
    }

    @Test
    void noPersonMeansNoPersonNorOrganization() {
        ObjectNode log = PipedriveCallLogMapper.callLog(activity(CrmTestCalls.outboundBusy("c2"), List.of(), null), "9");

        assertThat(log.has("person_id")).isFalse();
        assertThat(log.has("org_id")).isFalse();
        assertThat(log.has("user_id")).isFalse();
        assertThat(log.path("duration").asText()).isEqualTo("0");
    }

    @Test
    void theFollowUpIsACallActivityDueWhenTheCallWasMissed() {
        ObjectNode activity = PipedriveCallLogMapper.followUp(
                activity(CrmTestCalls.inboundMissed("m1"), List.of(new CrmContact("person", "42", null)), "7"));

        assertThat(activity.path("type").asText()).isEqualTo("call");
        assertThat(activity.path("due_date").asText()).isEqualTo("2026-11-23");
        assertThat(activity.path("due_time").asText()).isEqualTo("09:15");
        assertThat(activity.path("subject").asText()).isEqualTo("Call back +33612345678");
        assertThat(activity.path("person_id").asLong()).isEqualTo(42);
    }
}
