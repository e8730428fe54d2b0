package io.switchboard.crm.zoho;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.call.Call;
import io.switchboard.crm.ContactMatch;
import io.switchboard.crm.CrmCallWriter.Activity;
import io.switchboard.crm.CrmContact;
import io.switchboard.crm.CrmTestCalls;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Canonical call → Zoho Calls record: Call_Type, "mm:ss" duration, start with offset, Who_Id/What_Id. */
class ZohoCallMapperTest {

    private static Activity activity(Call call, List<CrmContact> linked, String owner) {
        return new Activity(CrmTestCalls.facts(call), new ContactMatch(ContactMatch.Status.UNIQUE, linked, linked), owner);
    }

    @Test
    void anAnsweredInboundCallWithItsContactAndOwner() {
        ObjectNode r = ZohoCallMapper.call(activity(CrmTestCalls.inboundAnswered("c1"),
                List.of(new CrmContact("contact", "4150868000000224001", null)), "4150868000000225013"),
                ZoneId.of("Europe/Paris"), "Switchboard_Call_Id");

        assertThat(r.path("Switchboard_Call_Id").asText()).isEqualTo("c1");
        assertThat(r.path("Call_Type").asText()).isEqualTo("Inbound");
        assertThat(r.path("Call_Start_Time").asText()).isEqualTo("2026-11-23T10:15:00+01:00");
        assertThat(r.path("Call_Duration").asText()).isEqualTo("01:05");
        assertThat(r.path("Call_Result").asText()).isEqualTo("Answered");
        assertThat(r.path("Caller_ID").asText()).isEqualTo("+33612345678");
        assertThat(r.path("Dialled_Number").asText()).isEqualTo("+33123456789");
        assertThat(r.path("Who_Id").path("id").asText()).isEqualTo("4150868000000224001");
        assertThat(r.has("What_Id")).isFalse();
        assertThat(r.path("Owner").path("id").asText()).isEqualTo("4150868000000225013");
        assertThat(r.path("Subject").asText()).isEqualTo("Inbound call from +33612345678");
    }

    @Test
    void aMissedCallIsOfTypeMissedAndUtcKeepsAnExplicitOffset() {
        ObjectNode r = ZohoCallMapper.call(activity(CrmTestCalls.inboundMissed("m1"), List.of(), null), ZoneId.of("UTC"), null);

        assertThat(r.path("Call_Type").asText()).isEqualTo("Missed");
        assertThat(r.path("Call_Start_Time").asText()).isEqualTo("2026-11-23T09:15:00+00:00");
        assertThat(r.path("Call_Duration").asText()).isEqualTo("00:00");
        assertThat(r.path("Call_Result").asText()).isEqualTo("Missed");
        assertThat(r.has("Owner")).isFalse();
        assertThat(r.has("Switchboard_Call_Id")).as("no call id field configured").isFalse();
    }

    @Test
    void durationsPastAnHourKeepCountingMinutes() {
        assertThat(ZohoCallMapper.duration(5703)).isEqualTo("95:03");
        assertThat(ZohoCallMapper.duration(59)).isEqualTo("00:59");
    }

    @Test
    void aLeadOrAnAccountIsRelatedThroughWhatIdWithItsModule() {
        ObjectNode lead = ZohoCallMapper.call(activity(CrmTestCalls.outboundBusy("b1"),
                List.of(new CrmContact("lead", "L1", null)), null), ZoneId.of("UTC"), null);
        ObjectNode account = ZohoCallMapper.call(activity(CrmTestCalls.outboundBusy("b2"),
                List.of(new CrmContact("account", "A1", null)), null), ZoneId.of("UTC"), null);

        assertThat(lead.path("Call_Type").asText()).isEqualTo("Outbound");
        assertThat(lead.path("Call_Result").asText()).isEqualTo("Busy");
        assertThat(lead.path("What_Id").path("id").asText()).isEqualTo("L1");
        assertThat(lead.path("$se_module").asText()).isEqualTo("Leads");
        assertThat(account.path("What_Id").path("id").asText()).isEqualTo("A1");
        assertThat(account.path("$se_module").asText()).isEqualTo("Accounts");
    }

    @Test
    void theFollowUpTaskIsDueTheDayTheCallWasMissed() {
        ObjectNode t = ZohoCallMapper.followUp(activity(CrmTestCalls.inboundMissed("m2"),
                List.of(new CrmContact("contact", "C1", null)), "U1"), ZoneId.of("UTC"));

        assertThat(t.path("Subject").asText()).isEqualTo("Call back +33612345678");
        assertThat(t.path("Due_Date").asText()).isEqualTo("2026-11-23");
        assertThat(t.path("Status").asText()).isEqualTo("Not Started");
        assertThat(t.path("Who_Id").path("id").asText()).isEqualTo("C1");
        assertThat(t.path("Owner").path("id").asText()).isEqualTo("U1");
    }
}
