package io.switchboard.crm.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.switchboard.crm.hubspot.HubSpotStub.CALLS;
import static io.switchboard.crm.hubspot.HubSpotStub.CALL_SEARCH;
import static io.switchboard.crm.hubspot.HubSpotStub.CONTACTS;
import static io.switchboard.crm.hubspot.HubSpotStub.CONTACT_SEARCH;
import static io.switchboard.crm.hubspot.HubSpotStub.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.crm.CrmCallSink;
import io.switchboard.crm.CrmRecords;
import io.switchboard.crm.CrmSinkHarness;
import io.switchboard.crm.CrmTestCalls;
import io.switchboard.crm.CrmTestJournal;
import java.util.List;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HubSpot's documented requests: contact search by phone variants with 0, 1 and several matches,
 * the call created with its association, and a replay patching the same call.
 */
class HubSpotCallLoggingTest {

    @RegisterExtension
    static WireMockExtension wm = CrmSinkHarness.server();

    private final CrmRecords records = CrmTestJournal.records();

    @Test
    void oneMatchingContactGetsTheCallAndAReplayPatchesTheSameCall() {
        HubSpotStub.contactsFound(wm, "501");
        HubSpotStub.noCallWithHubId(wm);
        HubSpotStub.callCreated(wm, "9001");
        wm.stubFor(patch(urlEqualTo(CALLS + "/9001")).willReturn(okJson(HubSpotStub.created("9001"))));
        wm.stubFor(put(urlEqualTo("/crm/v4/objects/calls/9001/associations/default/contacts/501"))
                .willReturn(okJson("{\"status\":\"COMPLETE\",\"results\":[]}")));
        HubSpotCallSink sink = HubSpotStub.sink(wm, "hubspot-main", records);
        sink.setAgentOwners("201=77");

        Exchange first = CrmSinkHarness.deliver(sink, CrmTestCalls.inboundAnswered("call-1"));
        Exchange replay = CrmSinkHarness.deliver(sink, CrmTestCalls.inboundAnswered("call-1"));

        assertThat(first.getMessage().getHeader(CrmCallSink.RECORD_ID_HEADER)).isEqualTo("9001");
        assertThat(first.getMessage().getHeader(CrmCallSink.MATCH_HEADER)).isEqualTo("UNIQUE");
        assertThat(replay.getMessage().getHeader(CrmCallSink.RECORD_ID_HEADER)).isEqualTo("9001");
        wm.verify(postRequestedFor(urlEqualTo(CONTACT_SEARCH))
                .withHeader("Authorization", equalTo("Bearer " + HubSpotStub.TOKEN))
                .withRequestBody(equalToJson("""
                        {"filterGroups":[
                          {"filters":[{"propertyName":"phone","operator":"IN","values":["+33612345678","06 12 34 56 78","0612345678"]}]},
                          {"filters":[{"propertyName":"mobilephone","operator":"IN","values":["+33612345678","06 12 34 56 78","0612345678"]}]}],
                         "properties":["phone","mobilephone","hubspot_owner_id"],"limit":10}""")));
        wm.verify(1, postRequestedFor(urlEqualTo(CALLS)).withRequestBody(equalToJson("""
                {"properties":{
                   "hs_timestamp":"2026-11-23T09:15:00Z",
                   "hs_call_title":"Inbound call from +33612345678",
                   "hs_call_body":"${json-unit.any-string}",
                   "hs_call_direction":"INBOUND",
                   "hs_call_status":"COMPLETED",
                   "hs_call_duration":"65000",
                   "hs_call_from_number":"+33612345678",
                   "hs_call_to_number":"+33123456789",
                   "hs_call_recording_url":"https://rec.example/r/call-1.mp3",
                   "hubspot_owner_id":"77",
                   "switchboard_call_id":"call-1"},
                 "associations":[{"to":{"id":"501"},
                   "types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":194}]}]}""")));
        wm.verify(1, patchRequestedFor(urlEqualTo(CALLS + "/9001"))
                .withRequestBody(equalToJson("{\"properties\":{\"hs_call_status\":\"COMPLETED\"}}", true, true)));
        wm.verify(1, putRequestedFor(urlEqualTo("/crm/v4/objects/calls/9001/associations/default/contacts/501")));
        // Nothing was sent for this call before its first create, and the replay knows the record.
        wm.verify(0, postRequestedFor(urlEqualTo(CALL_SEARCH)));
        // The mark committed before the create gave way to the CALL record: one row for the call.
        assertThat(records.recordId("hubspot-main", "call-1", CrmRecords.Kind.CALL)).contains("9001");
        assertThat(records.recordId("hubspot-main", "call-1", CrmRecords.Kind.CREATE_SENT)).isEmpty();
    }

    @Test
    void noMatchLogsTheCallWithoutAssociationAfterTryingCompanies() {
        HubSpotStub.contactsFound(wm);
        HubSpotStub.companiesFound(wm);
        HubSpotStub.noCallWithHubId(wm);
        HubSpotStub.callCreated(wm, "9002");

        Exchange done = CrmSinkHarness.deliver(HubSpotStub.sink(wm, "hubspot-main", records),
                CrmTestCalls.outboundBusy("call-2"));

        assertThat(done.getMessage().getHeader(CrmCallSink.MATCH_HEADER)).isEqualTo("NONE");
        wm.verify(postRequestedFor(urlEqualTo(HubSpotStub.COMPANY_SEARCH)).withRequestBody(equalToJson("""
                {"filterGroups":[{"filters":[{"propertyName":"phone","operator":"IN","values":["+33612345678","06 12 34 56 78","0612345678"]}]}],
                 "properties":["phone","hubspot_owner_id"],"limit":10}""")));
        wm.verify(postRequestedFor(urlEqualTo(CALLS)).withRequestBody(equalToJson("""
                {"properties":{"hs_call_status":"BUSY","hs_call_direction":"OUTBOUND","hs_call_duration":"0"},
                 "associations":[]}""", true, true)));
    }

    @Test
    void severalMatchesAreFlaggedForReviewAndNotLinked() {
        HubSpotStub.contactsFound(wm, "501", "502", "503");
        HubSpotStub.noCallWithHubId(wm);
        HubSpotStub.callCreated(wm, "9003");

        Exchange done = CrmSinkHarness.deliver(HubSpotStub.sink(wm, "hubspot-main", records),
                CrmTestCalls.inboundAnswered("call-3"));

        assertThat(done.getMessage().getHeader(CrmCallSink.MATCH_HEADER)).isEqualTo("FLAGGED");
        wm.verify(postRequestedFor(urlEqualTo(CALLS)).withRequestBody(equalToJson("""
                {"properties":{"hs_call_title":"[REVIEW] Inbound call from +33612345678"},"associations":[]}""", true, true)));
        String body = wm.findAll(postRequestedFor(urlEqualTo(CALLS))).get(0).getBodyAsString();
        assertThat(body).contains("contact 501, contact 502, contact 503");
    }

    @Test
    void severalMatchesWithAllAreAllLinked() {
        HubSpotStub.contactsFound(wm, "501", "502");
        HubSpotStub.noCallWithHubId(wm);
        HubSpotStub.callCreated(wm, "9004");
        HubSpotCallSink sink = HubSpotStub.sink(wm, "hubspot-main", records);
        sink.setAmbiguity("ALL");

        CrmSinkHarness.deliver(sink, CrmTestCalls.inboundAnswered("call-4"));

        wm.verify(postRequestedFor(urlEqualTo(CALLS)).withRequestBody(equalToJson("""
                {"associations":[
                  {"to":{"id":"501"},"types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":194}]},
                  {"to":{"id":"502"},"types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":194}]}]}""",
                true, true)));
    }

    @Test
    void aCallWrittenJustBeforeACrashIsFoundByItsHubIdAndPatched() {
        HubSpotStub.contactsFound(wm);
        HubSpotStub.companiesFound(wm);
        wm.stubFor(post(urlEqualTo(CALL_SEARCH)).willReturn(okJson(HubSpotStub.searchAnswer("8999"))));
        wm.stubFor(patch(urlEqualTo(CALLS + "/8999")).willReturn(okJson(HubSpotStub.created("8999"))));
        // What the journal holds after a crash between sending the create and reading its answer.
        records.remember("hubspot-main", "call-5", CrmRecords.Kind.CREATE_SENT, "hubspot", "sent");

        Exchange done = CrmSinkHarness.deliver(HubSpotStub.sink(wm, "hubspot-main", records),
                CrmTestCalls.inboundAnswered("call-5"));

        assertThat(done.getMessage().getHeader(CrmCallSink.RECORD_ID_HEADER)).isEqualTo("8999");
        wm.verify(0, postRequestedFor(urlEqualTo(CALLS)));
        wm.verify(1, patchRequestedFor(urlEqualTo(CALLS + "/8999")));
        wm.verify(postRequestedFor(urlEqualTo(CALL_SEARCH)).withRequestBody(equalToJson("""
                {"filterGroups":[{"filters":[{"propertyName":"switchboard_call_id","operator":"EQ","value":"call-5"}]}],
                 "properties":["switchboard_call_id"],"limit":1}""")));
        assertThat(records.recordId("hubspot-main", "call-5", CrmRecords.Kind.CALL)).contains("8999");
        assertThat(records.recordId("hubspot-main", "call-5", CrmRecords.Kind.CREATE_SENT)).as("the mark").isEmpty();
    }

    @Test
    void aMissedCallFromANewNumberCreatesTheContactOnceAndOneFollowUpTask() {
        HubSpotStub.contactsFound(wm);
        HubSpotStub.noCallWithHubId(wm);
        HubSpotStub.callCreated(wm, "9006");
        wm.stubFor(post(urlEqualTo(CONTACTS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(HubSpotStub.created("701"))));
        wm.stubFor(post(urlEqualTo(TASKS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(HubSpotStub.created("801"))));
        wm.stubFor(patch(urlEqualTo(CALLS + "/9006")).willReturn(okJson(HubSpotStub.created("9006"))));
        wm.stubFor(put(urlEqualTo("/crm/v4/objects/calls/9006/associations/default/contacts/701"))
                .willReturn(okJson("{\"status\":\"COMPLETE\",\"results\":[]}")));
        HubSpotCallSink sink = HubSpotStub.sink(wm, "hubspot-main", records);
        sink.setObjectPriority("contact");
        sink.setCreateContact(true);
        sink.setMissedCallTask(true);
        sink.setFallbackOwner("88");

        CrmSinkHarness.deliver(sink, CrmTestCalls.inboundMissed("call-6"));
        CrmSinkHarness.deliver(sink, CrmTestCalls.inboundMissed("call-6"));
        CrmSinkHarness.deliver(sink, CrmTestCalls.inboundMissed("call-7"));

        wm.verify(1, postRequestedFor(urlEqualTo(CONTACTS))
                .withRequestBody(equalToJson("{\"properties\":{\"phone\":\"+33612345678\"}}")));
        wm.verify(1, postRequestedFor(urlEqualTo(CONTACT_SEARCH)));
        wm.verify(2, postRequestedFor(urlEqualTo(TASKS)));
        wm.verify(postRequestedFor(urlEqualTo(TASKS)).withRequestBody(equalToJson("""
                {"properties":{"hs_timestamp":"2026-11-23T09:15:20Z","hs_task_subject":"Call back +33612345678",
                  "hs_task_status":"NOT_STARTED","hs_task_type":"CALL","hubspot_owner_id":"88"},
                 "associations":[{"to":{"id":"701"},"types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":204}]}]}""",
                true, true)));
        wm.verify(2, postRequestedFor(urlEqualTo(CALLS)));
    }

    @Test
    void dryRunSendsNothingAndRecordsTheExactRequestsWithTheTokenMasked() {
        HubSpotCallSink sink = HubSpotStub.sink(wm, "hubspot-dry", records);
        sink.setDryRun(true);

        Exchange done = CrmSinkHarness.deliver(sink, CrmTestCalls.inboundAnswered("call-8"));

        assertThat(wm.getAllServeEvents()).isEmpty();
        @SuppressWarnings("unchecked")
        List<String> requests = done.getMessage().getHeader(CrmCallSink.DRY_RUN_HEADER, List.class);
        assertThat(requests).hasSize(3); // contact search, company search, create (no call search: no create sent before)
        assertThat(requests.get(2))
                .startsWith("POST " + CrmSinkHarness.baseUrl(wm) + CALLS)
                .contains("Authorization: Bearer ****", "\"hs_call_status\":\"COMPLETED\"")
                .doesNotContain(HubSpotStub.TOKEN);
        assertThat(records.recordId("hubspot-dry", "call-8", CrmRecords.Kind.CALL)).isEmpty();
        assertThat(records.recordId("hubspot-dry", "call-8", CrmRecords.Kind.CREATE_SENT)).isEmpty();
    }
}
