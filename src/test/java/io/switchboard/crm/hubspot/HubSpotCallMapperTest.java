package io.switchboard.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.call.Call;
import io.switchboard.crm.ContactMatch;
import io.switchboard.crm.CrmCallWriter.Activity;
import io.switchboard.crm.CrmContact;
import io.switchboard.crm.CrmTestCalls;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Canonical call → HubSpot call properties: status, direction, duration in ms, times, numbers, links. */
class HubSpotCallMapperTest {

    private static Activity activity(Call call, List<CrmContact> linked, String owner) {
        ContactMatch match = new ContactMatch(linked.isEmpty() ? ContactMatch.Status.NONE : ContactMatch.Status.UNIQUE,
                linked, linked);
        return new Activity(CrmTestCalls.facts(call), match, owner);
    }

    @Test
    void anAnsweredInboundCallIsACompletedInboundCallWithDurationInMilliseconds() {
        ObjectNode p = HubSpotCallMapper.callProperties(
                activity(CrmTestCalls.inboundAnswered("c1"), List.of(), "77"), "switchboard_call_id");

        assertThat(p.path("hs_timestamp").asText()).isEqualTo("2026-11-23T09:15:00Z");
        assertThat(p.path("hs_call_direction").asText()).isEqualTo("INBOUND");
        assertThat(p.path("hs_call_status").asText()).isEqualTo("COMPLETED");
        assertThat(p.path("hs_call_duration").asText()).isEqualTo("65000");
        assertThat(p.path("hs_call_from_number").asText()).isEqualTo("+33612345678");
        assertThat(p.path("hs_call_to_number").asText()).isEqualTo("+33123456789");
        assertThat(p.path("hs_call_recording_url").asText()).isEqualTo("https://rec.example/r/c1.mp3");
        assertThat(p.path("hubspot_owner_id").asText()).isEqualTo("77");
        assertThat(p.path("switchboard_call_id").asText()).isEqualTo("c1");
        assertThat(p.path("hs_call_title").asText()).isEqualTo("Inbound call from +33612345678");
        assertThat(p.path("hs_call_body").asText()).contains("Switchboard call id: c1");
    }

    @Test
    void outcomesMapToHubSpotStatuses() {
        assertThat(HubSpotCallMapper.status(CrmTestCalls.inboundMissed("m"))).isEqualTo("NO_ANSWER");
        assertThat(HubSpotCallMapper.status(CrmTestCalls.outboundBusy("b"))).isEqualTo("BUSY");
        assertThat(HubSpotCallMapper.status(CrmTestCalls.inboundRinging("r"))).isEqualTo("RINGING");
        Call cancelled = CrmTestCalls.outboundBusy("x");
        cancelled = new Call(cancelled.id(), cancelled.vendor(), cancelled.source(), null, cancelled.line(),
                cancelled.direction(), cancelled.from(), cancelled.to(), cancelled.state(),
                io.switchboard.call.Outcome.CANCELLED, cancelled.startedAt(), null, cancelled.endedAt(), 4L, null, null,
                null, null, null);
        assertThat(HubSpotCallMapper.status(cancelled)).isEqualTo("CANCELED");
    }

    @Test
    void anUnansweredOutboundCallHasZeroDurationNoOwnerAndNoRecording() {
        ObjectNode p = HubSpotCallMapper.callProperties(activity(CrmTestCalls.outboundBusy("c2"), List.of(), null), "");

        assertThat(p.path("hs_call_direction").asText()).isEqualTo("OUTBOUND");
        assertThat(p.path("hs_call_duration").asText()).isEqualTo("0");
        assertThat(p.has("hubspot_owner_id")).isFalse();
        assertThat(p.has("hs_call_recording_url")).isFalse();
        assertThat(p.has("switchboard_call_id")).isFalse();
    }

    @Test
    void internalCallsHaveNoDirectionAndPlainHttpRecordingsAreLeftOut() {
        Call internal = CrmTestCalls.internal("i1");
        internal = new Call(internal.id(), internal.vendor(), internal.source(), null, internal.line(), internal.direction(),
                internal.from(), internal.to(), internal.state(), internal.outcome(), internal.startedAt(), null,
                internal.endedAt(), 3L, 30L, null, "http://insecure.example/r.mp3", null, null);

        ObjectNode p = HubSpotCallMapper.callProperties(activity(internal, List.of(), null), "switchboard_call_id");

        assertThat(p.has("hs_call_direction")).isFalse();
        assertThat(p.has("hs_call_recording_url")).isFalse();
    }

    @Test
    void associationsUseCallToContactAndCallToCompanyTypes() {
        ObjectNode body = HubSpotCallMapper.createCall(activity(CrmTestCalls.inboundAnswered("c3"),
                List.of(new CrmContact("contact", "501", null), new CrmContact("company", "601", null)), null), "");

        JsonNode associations = body.path("associations");
        assertThat(associations.get(0).path("to").path("id").asText()).isEqualTo("501");
        assertThat(associations.get(0).path("types").get(0).path("associationTypeId").asInt()).isEqualTo(194);
        assertThat(associations.get(0).path("types").get(0).path("associationCategory").asText()).isEqualTo("HUBSPOT_DEFINED");
        assertThat(associations.get(1).path("types").get(0).path("associationTypeId").asInt()).isEqualTo(182);
    }

    @Test
    void theFollowUpTaskIsDueWhenTheMissedCallEndedAndLinksTheContact() {
        ObjectNode body = HubSpotCallMapper.followUpTask(
                activity(CrmTestCalls.inboundMissed("m1"), List.of(new CrmContact("contact", "501", null)), "77"));

        assertThat(body.path("properties").path("hs_timestamp").asText()).isEqualTo("2026-11-23T09:15:20Z");
        assertThat(body.path("properties").path("hs_task_subject").asText()).isEqualTo("Call back +33612345678");
        assertThat(body.path("properties").path("hs_task_status").asText()).isEqualTo("NOT_STARTED");
        assertThat(body.path("properties").path("hubspot_owner_id").asText()).isEqualTo("77");
        assertThat(body.path("associations").get(0).path("types").get(0).path("associationTypeId").asInt()).isEqualTo(204);
    }
}
