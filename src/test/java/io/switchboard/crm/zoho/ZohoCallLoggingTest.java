package io.switchboard.crm.zoho;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.switchboard.crm.zoho.ZohoStub.CALLS;
import static io.switchboard.crm.zoho.ZohoStub.TOKEN_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.crm.CrmCallSink;
import io.switchboard.crm.CrmRecords;
import io.switchboard.crm.CrmSinkHarness;
import io.switchboard.crm.CrmTestCalls;
import io.switchboard.crm.CrmTestJournal;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Zoho CRM's documented requests: module search by phone (204 = no match, 1 and several matches), the
 * Calls record created then updated on replay, token refresh on 401 with exactly one retry, and
 * 429, 500, timeouts, record-level errors, malformed answers.
 */
class ZohoCallLoggingTest {

    @RegisterExtension
    static WireMockExtension wm = CrmSinkHarness.server();

    private final CrmRecords records = CrmTestJournal.records();

    private static void search(String module, String phone, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder a) {
        wm.stubFor(get(urlPathEqualTo("/crm/v8/" + module + "/search")).withQueryParam("phone", equalTo(phone)).willReturn(a));
    }

    private static void nothingIn(String module) {
        for (String phone : new String[] {"+33612345678", "06 12 34 56 78", "0612345678"}) {
            search(module, phone, aResponse().withStatus(204));
        }
    }

    @Test
    void theCallIsCreatedForItsContactAndAReplayUpdatesTheSameRecord() {
        ZohoStub.token(wm, "1000.tok-1");
        search("Contacts", "+33612345678", okJson(ZohoStub.records("4150868000000224001")));
        search("Contacts", "06 12 34 56 78", aResponse().withStatus(204));
        search("Contacts", "0612345678", aResponse().withStatus(204));
        wm.stubFor(post(urlEqualTo(CALLS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(ZohoStub.success("4150868000001234001", "record added"))));
        wm.stubFor(put(urlEqualTo(CALLS + "/4150868000001234001"))
                .willReturn(okJson(ZohoStub.success("4150868000001234001", "record updated"))));
        ZohoCallSink sink = ZohoStub.sink(wm, records);
        sink.setAgentOwners("201=4150868000000225013");

        Exchange first = CrmSinkHarness.deliver(sink, CrmTestCalls.inboundAnswered("call-1"));
        CrmSinkHarness.deliver(sink, CrmTestCalls.inboundAnswered("call-1"));

        assertThat(first.getMessage().getHeader(CrmCallSink.RECORD_ID_HEADER)).isEqualTo("4150868000001234001");
        wm.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)).withRequestBody(equalTo(ZohoStub.TOKEN_FORM)));
        wm.verify(getRequestedFor(urlPathEqualTo("/crm/v8/Contacts/search"))
                .withHeader("Authorization", equalTo("Zoho-oauthtoken 1000.tok-1")));
        String expected = """
                {"data":[{
                  "Subject":"Inbound call from +33612345678",
                  "Call_Type":"Inbound",
                  "Call_Start_Time":"2026-11-23T10:15:00+01:00",
                  "Call_Duration":"01:05",
                  "Call_Result":"Answered",
                  "Caller_ID":"+33612345678",
                  "Dialled_Number":"+33123456789",
                  "Description":"${json-unit.any-string}",
                  "Switchboard_Call_Id":"call-1",
                  "Who_Id":{"id":"4150868000000224001"},
                  "Owner":{"id":"4150868000000225013"}}]}""";
        wm.verify(1, postRequestedFor(urlEqualTo(CALLS)).withRequestBody(equalToJson(expected)));
        wm.verify(1, putRequestedFor(urlEqualTo(CALLS + "/4150868000001234001")).withRequestBody(equalToJson(expected)));
        // No Calls search: nothing was sent for call-1 before its create, and the replay knows the record.
        wm.verify(0, getRequestedFor(urlPathEqualTo(CALLS + "/search")));
    }

    private static void noContacts() {
        nothingIn("Contacts");
        nothingIn("Leads");
        nothingIn("Accounts");
    }

    private static void callSearch(String callId, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        wm.stubFor(get(urlPathEqualTo(CALLS + "/search"))
                .withQueryParam("criteria", equalTo("(Switchboard_Call_Id:equals:" + callId + ")")).willReturn(answer));
    }

    @Test
    void aRecordWrittenBeforeTheJournalKnewItIsFoundByTheHubCallIdAndUpdated() {
        ZohoStub.token(wm, "tok");
        noContacts();
        callSearch("call-7", okJson(ZohoStub.records("4150868000001234007")));
        // What the journal holds after a crash between sending the create and reading its answer.
        records.remember("zoho-main", "call-7", CrmRecords.Kind.CREATE_SENT, "zoho", "sent");
        wm.stubFor(put(urlEqualTo(CALLS + "/4150868000001234007"))
                .willReturn(okJson(ZohoStub.success("4150868000001234007", "record updated"))));

        Exchange delivered = CrmSinkHarness.deliver(ZohoStub.sink(wm, records), CrmTestCalls.inboundAnswered("call-7"));

        assertThat(delivered.getMessage().getHeader(CrmCallSink.RECORD_ID_HEADER)).isEqualTo("4150868000001234007");
        wm.verify(0, postRequestedFor(urlEqualTo(CALLS)));
        wm.verify(1, putRequestedFor(urlEqualTo(CALLS + "/4150868000001234007"))
                .withRequestBody(equalToJson("{\"data\":[{\"Switchboard_Call_Id\":\"call-7\"}]}", true, true)));
        assertThat(records.recordId("zoho-main", "call-7", CrmRecords.Kind.CALL)).contains("4150868000001234007");
    }

    @Test
    void aRetryAfterA500WhoseWriteHappenedUpdatesThatRecordInsteadOfCreatingASecond() {
        ZohoStub.token(wm, "tok");
        noContacts();
        // Zoho stored the record, then answered 500: the hub does not learn its id.
        wm.stubFor(post(urlEqualTo(CALLS)).willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"INTERNAL_ERROR\",\"details\":{},\"message\":\"Internal Server Error\",\"status\":\"error\"}")));
        ZohoCallSink sink = ZohoStub.sink(wm, records);

        assertThat(assertThrows(VendorApiException.class,
                () -> CrmSinkHarness.deliver(sink, CrmTestCalls.inboundAnswered("call-8"))).kind()).isEqualTo(Kind.VENDOR_ERROR);

        callSearch("call-8", okJson(ZohoStub.records("4150868000001234008")));
        wm.stubFor(put(urlEqualTo(CALLS + "/4150868000001234008"))
                .willReturn(okJson(ZohoStub.success("4150868000001234008", "record updated"))));

        CrmSinkHarness.deliver(sink, CrmTestCalls.inboundAnswered("call-8"));

        wm.verify(1, postRequestedFor(urlEqualTo(CALLS)));
        wm.verify(1, putRequestedFor(urlEqualTo(CALLS + "/4150868000001234008")));
        wm.verify(1, getRequestedFor(urlPathEqualTo(CALLS + "/search"))); // on the retry only
        assertThat(records.recordId("zoho-main", "call-8", CrmRecords.Kind.CALL)).contains("4150868000001234008");
    }

    @Test
    void criteriaValuesEscapeZohosSeparators() {
        assertThat(ZohoCallWriter.criteriaValue("a(b),c")).isEqualTo("a\\(b\\)\\,c");
        assertThat(ZohoCallWriter.criteriaValue("0193e4a1-7c2b-7d3e-9f00-1a2b3c4d5e6f")).isEqualTo("0193e4a1-7c2b-7d3e-9f00-1a2b3c4d5e6f");
    }

    @Test
    void anEmptyCallIdFieldSendsNoCallSearchAndNoCallIdField() {
        ZohoStub.token(wm, "tok");
        noContacts();
        wm.stubFor(post(urlEqualTo(CALLS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(ZohoStub.success("Z5", "record added"))));
        ZohoCallSink sink = ZohoStub.sink(wm, records);
        sink.setCallIdField("");
        // Even after a lost answer (a mark left while the field was configured) there is nothing to search on.
        records.remember("zoho-main", "call-5", CrmRecords.Kind.CREATE_SENT, "zoho", "sent");

        CrmSinkHarness.deliver(sink, CrmTestCalls.inboundAnswered("call-5"));

        wm.verify(0, getRequestedFor(urlPathEqualTo(CALLS + "/search")));
        assertThat(wm.findAll(postRequestedFor(urlEqualTo(CALLS)))).singleElement()
                .satisfies(r -> assertThat(r.getBodyAsString()).doesNotContain("Switchboard_Call_Id"));
    }

    @Test
    void aMissingCallIdFieldInZohoIsARejectionThatSaysWhatToFix() {
        ZohoStub.token(wm, "tok");
        noContacts();
        records.remember("zoho-main", "call-e", CrmRecords.Kind.CREATE_SENT, "zoho", "sent"); // a retry
        callSearch("call-e", aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"INVALID_QUERY\",\"details\":{\"reason\":\"invalid field\",\"api_name\":\"Switchboard_Call_Id\"},"
                        + "\"message\":\"Invalid query formed\",\"status\":\"error\"}"));

        VendorApiException e = failure();

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.vendorCode()).contains("INVALID_QUERY");
        assertThat(e.getMessage()).contains("Calls/search");
        wm.verify(0, postRequestedFor(urlEqualTo(CALLS)));
    }

    @Test
    void severalContactsAreFlaggedAndNoContactFallsBackToLeads() {
        ZohoStub.token(wm, "tok");
        search("Contacts", "+33612345678", okJson(ZohoStub.records("C1", "C2")));
        search("Contacts", "06 12 34 56 78", aResponse().withStatus(204));
        search("Contacts", "0612345678", aResponse().withStatus(204));
        wm.stubFor(post(urlEqualTo(CALLS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(ZohoStub.success("Z1", "record added"))));

        Exchange flagged = CrmSinkHarness.deliver(ZohoStub.sink(wm, records), CrmTestCalls.inboundAnswered("call-2"));

        assertThat(flagged.getMessage().getHeader(CrmCallSink.MATCH_HEADER)).isEqualTo("FLAGGED");
        wm.verify(postRequestedFor(urlEqualTo(CALLS)).withRequestBody(equalToJson(
                "{\"data\":[{\"Subject\":\"[REVIEW] Inbound call from +33612345678\"}]}", true, true)));

        wm.resetRequests();
        nothingIn("Contacts");
        search("Leads", "+33612345678", okJson(ZohoStub.records("L1")));
        search("Leads", "06 12 34 56 78", aResponse().withStatus(204));
        search("Leads", "0612345678", aResponse().withStatus(204));

        CrmSinkHarness.deliver(ZohoStub.sink(wm, records), CrmTestCalls.outboundBusy("call-3"));

        wm.verify(postRequestedFor(urlEqualTo(CALLS)).withRequestBody(equalToJson(
                "{\"data\":[{\"Call_Type\":\"Outbound\",\"What_Id\":{\"id\":\"L1\"},\"$se_module\":\"Leads\"}]}", true, true)));
    }

    @Test
    void anExpiredTokenIsRefreshedAndTheRequestSentExactlyOnceMore() {
        wm.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("t").whenScenarioStateIs(STARTED)
                .willReturn(okJson(ZohoStub.tokenAnswer(wm, "tok-1"))).willSetStateTo("2"));
        wm.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("t").whenScenarioStateIs("2")
                .willReturn(okJson(ZohoStub.tokenAnswer(wm, "tok-2"))));
        wm.stubFor(get(urlPathEqualTo("/crm/v8/Contacts/search")).withHeader("Authorization", equalTo("Zoho-oauthtoken tok-1"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"INVALID_TOKEN\",\"details\":{},\"message\":\"invalid oauth token\",\"status\":\"error\"}")));
        wm.stubFor(get(urlPathEqualTo("/crm/v8/Contacts/search")).withHeader("Authorization", equalTo("Zoho-oauthtoken tok-2"))
                .willReturn(aResponse().withStatus(204)));
        nothingIn("Leads");
        nothingIn("Accounts");
        wm.stubFor(post(urlEqualTo(CALLS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(ZohoStub.success("Z9", "record added"))));

        CrmSinkHarness.deliver(ZohoStub.sink(wm, records), CrmTestCalls.inboundAnswered("call-4"));

        wm.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        wm.verify(4, getRequestedFor(urlPathEqualTo("/crm/v8/Contacts/search")));
        wm.verify(1, postRequestedFor(urlEqualTo(CALLS)));
    }

    private VendorApiException failure() {
        return assertThrows(VendorApiException.class,
                () -> CrmSinkHarness.deliver(ZohoStub.sink(wm, records), CrmTestCalls.inboundAnswered("call-e")));
    }

    @Test
    void aRefusedRefreshTokenIsAnAuthenticationFailureWithoutSecrets() {
        wm.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(okJson("{\"error\":\"invalid_code\"}")));

        VendorApiException e = failure();

        assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(e.getMessage()).contains("invalid_code").doesNotContain(ZohoStub.CLIENT_SECRET, ZohoStub.REFRESH_TOKEN);
    }

    @Test
    void rateLimitIsRetryable() {
        ZohoStub.token(wm, "tok");
        wm.stubFor(get(urlPathEqualTo("/crm/v8/Contacts/search")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "60").withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"TOO_MANY_REQUESTS\",\"details\":{},\"message\":\"too many requests\",\"status\":\"error\"}")));

        VendorApiException e = failure();

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
        assertThat(e.vendorCode()).contains("TOO_MANY_REQUESTS");
    }

    @Test
    void aServerErrorIsAVendorError() {
        ZohoStub.token(wm, "tok");
        wm.stubFor(get(urlPathEqualTo("/crm/v8/Contacts/search")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"INTERNAL_ERROR\",\"details\":{},\"message\":\"Internal Server Error\",\"status\":\"error\"}")));

        assertThat(failure().kind()).isEqualTo(Kind.VENDOR_ERROR);
    }

    @Test
    void aSlowAnswerIsATimeout() {
        ZohoStub.token(wm, "tok");
        wm.stubFor(get(urlPathEqualTo("/crm/v8/Contacts/search")).willReturn(aResponse().withStatus(204).withFixedDelay(4000)));

        assertThat(failure().kind()).isEqualTo(Kind.TIMEOUT);
    }

    @Test
    void aRecordLevelErrorIsARejectionWithZohosCode() {
        ZohoStub.token(wm, "tok");
        nothingIn("Contacts");
        nothingIn("Leads");
        nothingIn("Accounts");
        wm.stubFor(post(urlEqualTo(CALLS)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"data\":[{\"code\":\"INVALID_DATA\",\"details\":{\"api_name\":\"Call_Duration\"},"
                        + "\"message\":\"invalid data\",\"status\":\"error\"}]}")));

        VendorApiException e = failure();

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.vendorCode()).contains("INVALID_DATA");
    }

    @Test
    void aSearchAnswerWithoutDataIsMalformed() {
        ZohoStub.token(wm, "tok");
        wm.stubFor(get(urlPathEqualTo("/crm/v8/Contacts/search")).willReturn(okJson("{\"info\":{}}")));

        assertThat(failure().kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
    }
}
