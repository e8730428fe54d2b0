package io.switchboard.crm.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.switchboard.crm.salesforce.SalesforceStub.DATA;
import static io.switchboard.crm.salesforce.SalesforceStub.TOKEN_PATH;
import static io.switchboard.crm.salesforce.SalesforceStub.UPSERT_PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.crm.CrmCallSink;
import io.switchboard.crm.CrmRecords;
import io.switchboard.crm.CrmSinkHarness;
import io.switchboard.crm.CrmTestCalls;
import io.switchboard.crm.CrmTestJournal;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Salesforce's documented requests: SOSL by phone with 0, 1 and several matches, the Task upserted
 * on the External ID field, a replay upserting the same Task, and the POST/PATCH path without one.
 */
class SalesforceTaskLoggingTest {

    @RegisterExtension
    static WireMockExtension wm = CrmSinkHarness.server();

    private final CrmRecords records = CrmTestJournal.records();

    static final String CONTACT_SOSL =
            "FIND {\"\\+33612345678\" OR \"06 12 34 56 78\" OR \"0612345678\"} IN PHONE FIELDS RETURNING Contact(Id,OwnerId)";
    static final String LEAD_SOSL =
            "FIND {\"\\+33612345678\" OR \"06 12 34 56 78\" OR \"0612345678\"} IN PHONE FIELDS RETURNING Lead(Id,OwnerId)";

    private static void sosl(String query, String answer) {
        wm.stubFor(get(urlPathEqualTo(DATA + "/search/")).withQueryParam("q", equalTo(query)).willReturn(okJson(answer)));
    }

    @Test
    void theTaskIsUpsertedOnTheHubCallIdAndAReplayUpsertsTheSameTask() {
        SalesforceStub.token(wm, "00Dxx!tok-1");
        sosl(CONTACT_SOSL, SalesforceStub.searchAnswer("Contact", "003xx000004TmiQ"));
        wm.stubFor(patch(urlEqualTo(UPSERT_PREFIX + "call-1")).inScenario("upsert").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(SalesforceStub.upserted("00Txx000001AbCd", true)))
                .willSetStateTo("exists"));
        wm.stubFor(patch(urlEqualTo(UPSERT_PREFIX + "call-1")).inScenario("upsert").whenScenarioStateIs("exists")
                .willReturn(okJson(SalesforceStub.upserted("00Txx000001AbCd", false))));
        SalesforceTaskSink sink = SalesforceStub.sink(wm, records);
        sink.setAgentOwners("201=005xx000001X8Uz");
        sink.setRecordingField("Recording_URL__c");

        Exchange first = CrmSinkHarness.deliver(sink, CrmTestCalls.inboundAnswered("call-1"));
        Exchange replay = CrmSinkHarness.deliver(sink, CrmTestCalls.inboundAnswered("call-1"));

        assertThat(first.getMessage().getHeader(CrmCallSink.RECORD_ID_HEADER)).isEqualTo("00Txx000001AbCd");
        assertThat(replay.getMessage().getHeader(CrmCallSink.RECORD_ID_HEADER)).isEqualTo("00Txx000001AbCd");
        wm.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded; charset=UTF-8")));
        wm.verify(2, getRequestedFor(urlPathEqualTo(DATA + "/search/"))
                .withQueryParam("q", equalTo(CONTACT_SOSL))
                .withHeader("Authorization", equalTo("Bearer 00Dxx!tok-1")));
        wm.verify(2, patchRequestedFor(urlEqualTo(UPSERT_PREFIX + "call-1")).withRequestBody(equalToJson("""
                {"Subject":"Inbound call from +33612345678",
                 "Description":"${json-unit.any-string}",
                 "TaskSubtype":"Call",
                 "Status":"Completed",
                 "ActivityDate":"2026-11-23",
                 "CallType":"Inbound",
                 "CallDurationInSeconds":65,
                 "CallDisposition":"Answered",
                 "CallObject":"call-1",
                 "WhoId":"003xx000004TmiQ",
                 "OwnerId":"005xx000001X8Uz",
                 "Recording_URL__c":"https://rec.example/r/call-1.mp3"}""")));
        wm.verify(0, postRequestedFor(urlEqualTo(DATA + "/sobjects/Task")));
        // An upsert needs nothing found first: no mark written before it, no query.
        assertThat(records.recordId("salesforce-main", "call-1", CrmRecords.Kind.CREATE_SENT)).isEmpty();
        wm.verify(0, getRequestedFor(urlPathEqualTo(DATA + "/query")));
    }

    @Test
    void noContactButALeadLinksTheLead() {
        SalesforceStub.token(wm, "tok");
        sosl(CONTACT_SOSL, SalesforceStub.searchAnswer("Contact"));
        sosl(LEAD_SOSL, SalesforceStub.searchAnswer("Lead", "00Qxx0000012345"));
        wm.stubFor(patch(urlEqualTo(UPSERT_PREFIX + "call-2")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(SalesforceStub.upserted("00T2", true))));

        CrmSinkHarness.deliver(SalesforceStub.sink(wm, records), CrmTestCalls.outboundBusy("call-2"));

        wm.verify(patchRequestedFor(urlEqualTo(UPSERT_PREFIX + "call-2")).withRequestBody(equalToJson("""
                {"CallType":"Outbound","CallDisposition":"Busy","CallDurationInSeconds":0,"WhoId":"00Qxx0000012345"}""",
                true, true)));
    }

    @Test
    void severalContactsWithFirstLinkTheFirstOne() {
        SalesforceStub.token(wm, "tok");
        sosl(CONTACT_SOSL, SalesforceStub.searchAnswer("Contact", "003A", "003B"));
        wm.stubFor(patch(urlEqualTo(UPSERT_PREFIX + "call-3")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(SalesforceStub.upserted("00T3", true))));
        SalesforceTaskSink sink = SalesforceStub.sink(wm, records);
        sink.setAmbiguity("FIRST");

        Exchange done = CrmSinkHarness.deliver(sink, CrmTestCalls.inboundAnswered("call-3"));

        assertThat(done.getMessage().getHeader(CrmCallSink.MATCH_HEADER)).isEqualTo("AMBIGUOUS_LINKED");
        wm.verify(patchRequestedFor(urlEqualTo(UPSERT_PREFIX + "call-3"))
                .withRequestBody(equalToJson("{\"WhoId\":\"003A\"}", true, true)));
    }

    /** A token, and no Contact, Lead or Account with the caller's number. */
    private static void tokenAndNoMatchingParty() {
        SalesforceStub.token(wm, "tok");
        sosl(CONTACT_SOSL, SalesforceStub.searchAnswer("Contact"));
        sosl(LEAD_SOSL, SalesforceStub.searchAnswer("Lead"));
        sosl(CONTACT_SOSL.replace("Contact(", "Account("), SalesforceStub.searchAnswer("Account"));
    }

    @Test
    void withoutAnExternalIdARetryAfterALostAnswerFindsTheTaskByCallObjectAndPatchesIt() {
        tokenAndNoMatchingParty();
        wm.stubFor(get(urlPathEqualTo(DATA + "/query"))
                .withQueryParam("q", equalTo("SELECT Id FROM Task WHERE CallObject = 'call-9' LIMIT 1"))
                .willReturn(okJson("{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"Task\","
                        + "\"url\":\"/services/data/v62.0/sobjects/Task/00T9\"},\"Id\":\"00T9\"}]}")));
        wm.stubFor(patch(urlEqualTo(DATA + "/sobjects/Task/00T9")).willReturn(aResponse().withStatus(204)));
        SalesforceTaskSink sink = SalesforceStub.sink(wm, records);
        sink.setExternalIdField("");
        // What the journal holds after a crash between sending the POST and reading its answer.
        records.remember("salesforce-main", "call-9", CrmRecords.Kind.CREATE_SENT, "salesforce", "sent");

        Exchange done = CrmSinkHarness.deliver(sink, CrmTestCalls.inboundAnswered("call-9"));

        assertThat(done.getMessage().getHeader(CrmCallSink.RECORD_ID_HEADER)).isEqualTo("00T9");
        wm.verify(0, postRequestedFor(urlEqualTo(DATA + "/sobjects/Task")));
        wm.verify(1, patchRequestedFor(urlEqualTo(DATA + "/sobjects/Task/00T9")));
        assertThat(records.recordId("salesforce-main", "call-9", CrmRecords.Kind.CALL)).contains("00T9");
    }

    @Test
    void withoutAnExternalIdTheTaskIsPostedThenPatchedById() {
        tokenAndNoMatchingParty();
        wm.stubFor(post(urlEqualTo(DATA + "/sobjects/Task")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"00T4\",\"success\":true,\"errors\":[]}")));
        wm.stubFor(patch(urlEqualTo(DATA + "/sobjects/Task/00T4")).willReturn(aResponse().withStatus(204)));
        SalesforceTaskSink sink = SalesforceStub.sink(wm, records);
        sink.setExternalIdField("");

        CrmSinkHarness.deliver(sink, CrmTestCalls.inboundAnswered("call-4"));
        CrmSinkHarness.deliver(sink, CrmTestCalls.inboundAnswered("call-4"));

        wm.verify(1, postRequestedFor(urlEqualTo(DATA + "/sobjects/Task"))
                .withRequestBody(equalToJson("{\"CallObject\":\"call-4\",\"CallType\":\"Inbound\"}", true, true)));
        wm.verify(1, patchRequestedFor(urlEqualTo(DATA + "/sobjects/Task/00T4")));
        // No CallObject query: no create was sent before the first, and the replay knows 00T4.
        wm.verify(0, getRequestedFor(urlPathEqualTo(DATA + "/query")));
    }
}
