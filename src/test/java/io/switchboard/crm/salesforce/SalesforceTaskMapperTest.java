package io.switchboard.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.call.Call;
import io.switchboard.crm.ContactMatch;
import io.switchboard.crm.CrmCallWriter.Activity;
import io.switchboard.crm.CrmContact;
import io.switchboard.crm.CrmTestCalls;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Canonical call → Salesforce Task: CallType, CallDurationInSeconds, CallDisposition, ActivityDate, links. */
class SalesforceTaskMapperTest {

    private static Activity activity(Call call, List<CrmContact> linked, String owner) {
        return new Activity(CrmTestCalls.facts(call),
                new ContactMatch(ContactMatch.Status.UNIQUE, linked, linked), owner);
    }

    @Test
    void anAnsweredInboundCallIsACompletedInboundCallTask() {
        ObjectNode t = SalesforceTaskMapper.task(activity(CrmTestCalls.inboundAnswered("c1"),
                List.of(new CrmContact("contact", "003A", null)), "005B"), ZoneId.of("UTC"), "Recording_URL__c");

        assertThat(t.path("TaskSubtype").asText()).isEqualTo("Call");
        assertThat(t.path("Status").asText()).isEqualTo("Completed");
        assertThat(t.path("CallType").asText()).isEqualTo("Inbound");
        assertThat(t.path("CallDurationInSeconds").asLong()).isEqualTo(65);
        assertThat(t.path("CallDisposition").asText()).isEqualTo("Answered");
        assertThat(t.path("CallObject").asText()).isEqualTo("c1");
        assertThat(t.path("ActivityDate").asText()).isEqualTo("2026-11-23");
        assertThat(t.path("Subject").asText()).isEqualTo("Inbound call from +33612345678");
        assertThat(t.path("Description").asText()).contains("From: +33612345678", "To: +33123456789");
        assertThat(t.path("WhoId").asText()).isEqualTo("003A");
        assertThat(t.has("WhatId")).isFalse();
        assertThat(t.path("OwnerId").asText()).isEqualTo("005B");
        assertThat(t.path("Recording_URL__c").asText()).isEqualTo("https://rec.example/r/c1.mp3");
    }

    @Test
    void outcomesAndDirectionsMapToSalesforceWords() {
        assertThat(SalesforceTaskMapper.disposition(CrmTestCalls.inboundMissed("m"))).isEqualTo("Missed");
        assertThat(SalesforceTaskMapper.disposition(CrmTestCalls.outboundBusy("b"))).isEqualTo("Busy");
        assertThat(SalesforceTaskMapper.disposition(CrmTestCalls.inboundRinging("r"))).isEqualTo("Ringing");
        assertThat(SalesforceTaskMapper.callType(CrmTestCalls.outboundBusy("b").direction())).isEqualTo("Outbound");
        assertThat(SalesforceTaskMapper.callType(CrmTestCalls.internal("i").direction())).isEqualTo("Internal");
    }

    @Test
    void activityDateIsTheDayInTheConfiguredTimeZone() {
        Call late = CrmTestCalls.inboundAnswered("c2");
        late = new Call(late.id(), late.vendor(), late.source(), null, late.line(), late.direction(), late.from(), late.to(),
                late.state(), late.outcome(), Instant.parse("2026-11-23T23:30:00Z"), null,
                Instant.parse("2026-11-23T23:31:00Z"), 5L, 55L, null, null, null, null);

        assertThat(SalesforceTaskMapper.task(activity(late, List.of(), null), ZoneId.of("UTC"), "")
                        .path("ActivityDate").asText())
                .isEqualTo("2026-11-23");
        assertThat(SalesforceTaskMapper.task(activity(late, List.of(), null), ZoneId.of("Europe/Paris"), "")
                        .path("ActivityDate").asText())
                .isEqualTo("2026-11-24");
    }

    @Test
    void aLeadIsTheWhoAndAnAccountTheWhat() {
        ObjectNode t = SalesforceTaskMapper.task(activity(CrmTestCalls.outboundBusy("c3"),
                List.of(new CrmContact("lead", "00Q1", null), new CrmContact("account", "001X", null)), null),
                ZoneId.of("UTC"), "");

        assertThat(t.path("WhoId").asText()).isEqualTo("00Q1");
        assertThat(t.path("WhatId").asText()).isEqualTo("001X");
        assertThat(t.has("OwnerId")).isFalse();
        assertThat(t.path("CallDurationInSeconds").asLong()).isZero();
    }

    @Test
    void theFollowUpIsANotStartedHighPriorityTask() {
        ObjectNode t = SalesforceTaskMapper.followUp(activity(CrmTestCalls.inboundMissed("m1"),
                List.of(new CrmContact("contact", "003A", null)), "005B"), ZoneId.of("UTC"));

        assertThat(t.path("Subject").asText()).isEqualTo("Call back +33612345678");
        assertThat(t.path("Status").asText()).isEqualTo("Not Started");
        assertThat(t.path("Priority").asText()).isEqualTo("High");
        assertThat(t.path("WhoId").asText()).isEqualTo("003A");
    }

    @Test
    void soslReservedCharactersAreEscaped() {
        assertThat(SalesforceTaskWriter.escape("+33 (0)6-12")).isEqualTo("\\+33 \\(0\\)6\\-12");
    }
}
