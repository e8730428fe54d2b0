package io.switchboard.crm.pipedrive;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
import java.util.List;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;

/**
 * Pipedrive's documented requests: person search per number spelling with 0, 1 and several matches,
 * one call log per call (a replay sends nothing), api_token never in errors; 401, 429, 500, timeout,
 * success:false and malformed answers.
 */
class PipedriveCallLogTest {

    @RegisterExtension
    static WireMockExtension wm = CrmSinkHarness.server();

    private final CrmRecords records = CrmTestJournal.records();

    private static void persons(String term, String answer) {
        wm.stubFor(get(urlPathEqualTo("/v1/persons/search")).withQueryParam("term", equalTo(term))
                .withQueryParam("fields", equalTo("phone")).withQueryParam("exact_match", equalTo("true"))
                .withQueryParam("api_token", equalTo(PipedriveStub.API_TOKEN))
                .willReturn(okJson(answer)));
    }

    private static void noPersons() {
        for (String term : List.of("+33612345678", "06 12 34 56 78", "0612345678")) {
            persons(term, PipedriveStub.persons());
        }
    }

    @Test
    void oneMatchingPersonGetsTheCallLogAndAReplaySendsNothing() {
        persons("+33612345678", PipedriveStub.persons());
        persons("06 12 34 56 78", PipedriveStub.persons());
        persons("0612345678", PipedriveStub.persons(42));
        wm.stubFor(post(urlPathEqualTo("/v1/callLogs")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(PipedriveStub.callLogCreated("a1b2c3"))));
        CrmRecords journal = Mockito.spy(records); // the real journal, its calls counted
        PipedriveCallLogSink sink = PipedriveStub.sink(wm, journal);
        sink.setAgentOwners("201=7");

        Exchange first = CrmSinkHarness.deliver(sink, CrmTestCalls.inboundAnswered("call-1"));
        Exchange replay = CrmSinkHarness.deliver(sink, CrmTestCalls.inboundAnswered("call-1"));

        // The create is marked first (a lost answer is then looked for, PipedriveLostAnswerTest), and the
        // call log takes the mark's place; a first attempt reads no call logs.
        Mockito.verify(journal).remember("pipedrive-main", "call-1", CrmRecords.Kind.CREATE_SENT, "pipedrive", "sent");
        Mockito.verify(journal).rememberInPlaceOfMark("pipedrive-main", "call-1", "pipedrive", "a1b2c3");
        assertThat(records.recordId("pipedrive-main", "call-1", CrmRecords.Kind.CALL)).contains("a1b2c3");
        assertThat(records.recordId("pipedrive-main", "call-1", CrmRecords.Kind.CREATE_SENT)).isEmpty();
        wm.verify(0, getRequestedFor(urlPathEqualTo("/v1/callLogs")));

        assertThat(first.getMessage().getHeader(CrmCallSink.RECORD_ID_HEADER)).isEqualTo("a1b2c3");
        assertThat(replay.getMessage().getHeader(CrmCallSink.RECORD_ID_HEADER)).isEqualTo("a1b2c3");
        wm.verify(1, postRequestedFor(urlEqualTo("/v1/callLogs?api_token=" + PipedriveStub.API_TOKEN))
                .withRequestBody(equalToJson("""
                        {"user_id":7,
                         "subject":"Inbound call from +33612345678",
                         "duration":"65",
                         "outcome":"connected",
                         "from_phone_number":"+33612345678",
                         "to_phone_number":"+33123456789",
                         "start_time":"2026-11-23 09:15:00",
                         "end_time":"2026-11-23 09:16:12",
                         "person_id":42,
                         "org_id":9,
                         "note":"${json-unit.any-string}"}""")));
    }

    @Test
    void noMatchLogsTheCallWithoutPerson() {
        noPersons();
        wm.stubFor(post(urlPathEqualTo("/v1/callLogs")).willReturn(okJson(PipedriveStub.callLogCreated("x1"))));

        Exchange done = CrmSinkHarness.deliver(PipedriveStub.sink(wm, records), CrmTestCalls.outboundBusy("call-2"));

        assertThat(done.getMessage().getHeader(CrmCallSink.MATCH_HEADER)).isEqualTo("NONE");
        wm.verify(postRequestedFor(urlPathEqualTo("/v1/callLogs")).withRequestBody(equalToJson(
                "{\"outcome\":\"busy\",\"duration\":\"0\",\"to_phone_number\":\"+33612345678\"}", true, true)));
        assertThat(wm.findAll(postRequestedFor(urlPathEqualTo("/v1/callLogs"))).get(0).getBodyAsString())
                .doesNotContain("person_id");
    }

    @Test
    void severalPersonsAreSkippedWhenConfigured() {
        persons("+33612345678", PipedriveStub.persons(42, 43));
        persons("06 12 34 56 78", PipedriveStub.persons());
        persons("0612345678", PipedriveStub.persons(44));
        wm.stubFor(post(urlPathEqualTo("/v1/callLogs")).willReturn(okJson(PipedriveStub.callLogCreated("x3"))));
        PipedriveCallLogSink sink = PipedriveStub.sink(wm, records);
        sink.setAmbiguity("SKIP");

        Exchange done = CrmSinkHarness.deliver(sink, CrmTestCalls.inboundAnswered("call-3"));

        assertThat(done.getMessage().getHeader(CrmCallSink.MATCH_HEADER)).isEqualTo("AMBIGUOUS_SKIPPED");
        assertThat(wm.findAll(postRequestedFor(urlPathEqualTo("/v1/callLogs"))).get(0).getBodyAsString())
                .doesNotContain("person_id")
                .contains("person 42, person 43, person 44");
    }

    @Test
    void aMissedCallFromANewNumberCreatesOnePersonAndAFollowUpActivity() {
        noPersons();
        wm.stubFor(post(urlPathEqualTo("/v1/persons")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"success\":true,\"data\":{\"id\":77,\"name\":\"Unknown caller +33612345678\"}}")));
        wm.stubFor(post(urlPathEqualTo("/v1/callLogs")).willReturn(okJson(PipedriveStub.callLogCreated("x4"))));
        wm.stubFor(post(urlPathEqualTo("/v1/activities")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"success\":true,\"data\":{\"id\":555}}")));
        PipedriveCallLogSink sink = PipedriveStub.sink(wm, records);
        sink.setCreateContact(true);
        sink.setMissedCallTask(true);
        sink.setFallbackOwner("7");

        CrmSinkHarness.deliver(sink, CrmTestCalls.inboundMissed("call-4"));
        CrmSinkHarness.deliver(sink, CrmTestCalls.inboundMissed("call-5"));

        wm.verify(1, postRequestedFor(urlPathEqualTo("/v1/persons")).withRequestBody(equalToJson("""
                {"name":"Unknown caller +33612345678","phone":[{"value":"+33612345678","primary":true,"label":"work"}]}""")));
        wm.verify(2, postRequestedFor(urlPathEqualTo("/v1/callLogs"))
                .withRequestBody(equalToJson("{\"person_id\":77,\"outcome\":\"no_answer\",\"user_id\":7}", true, true)));
        wm.verify(2, postRequestedFor(urlPathEqualTo("/v1/activities"))
                .withRequestBody(equalToJson("{\"type\":\"call\",\"person_id\":77,\"user_id\":7}", true, true)));
        wm.verify(3, getRequestedFor(urlPathEqualTo("/v1/persons/search")));
    }

    private VendorApiException failure() {
        return assertThrows(VendorApiException.class,
                () -> CrmSinkHarness.deliver(PipedriveStub.sink(wm, records), CrmTestCalls.inboundAnswered("call-e")));
    }

    @Test
    void aWrongTokenIsAnAuthenticationFailureThatNeverShowsTheToken() {
        wm.stubFor(get(urlPathEqualTo("/v1/persons/search")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"success\":false,\"error\":\"unauthorized access\",\"errorCode\":401,"
                        + "\"error_info\":\"Please check developers.pipedrive.com for more information about Pipedrive API.\"}")));

        VendorApiException e = failure();

        assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(e.vendorMessage()).contains("unauthorized access");
        assertThat(e.getMessage()).doesNotContain(PipedriveStub.API_TOKEN);
        assertThat(e.operation()).isEqualTo("GET /v1/persons/search");
        wm.verify(1, getRequestedFor(urlPathEqualTo("/v1/persons/search")));
    }

    @Test
    void rateLimitIsRetryableAfterItsRetryAfter() {
        wm.stubFor(get(urlPathEqualTo("/v1/persons/search")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "2").withHeader("x-ratelimit-remaining", "0")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"success\":false,\"error\":\"Request over limit\",\"errorCode\":429}")));

        VendorApiException e = failure();

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
    }

    @Test
    void aServerErrorOnTheCallLogIsAVendorErrorAndNothingIsRemembered() {
        noPersons();
        wm.stubFor(post(urlPathEqualTo("/v1/callLogs")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"success\":false,\"error\":\"Internal server error\",\"errorCode\":500}")));

        assertThat(failure().kind()).isEqualTo(Kind.VENDOR_ERROR);
        assertThat(records.recordId("pipedrive-main", "call-e", CrmRecords.Kind.CALL)).isEmpty();
    }

    @Test
    void aSlowSearchIsATimeout() {
        wm.stubFor(get(urlPathEqualTo("/v1/persons/search")).willReturn(okJson(PipedriveStub.persons()).withFixedDelay(4000)));

        assertThat(failure().kind()).isEqualTo(Kind.TIMEOUT);
    }

    @Test
    void successFalseInsideA200IsARejection() {
        noPersons();
        wm.stubFor(post(urlPathEqualTo("/v1/callLogs")).willReturn(okJson(
                "{\"success\":false,\"error\":\"to_phone_number is required\",\"errorCode\":400}")));

        VendorApiException e = failure();

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.vendorMessage()).contains("to_phone_number is required");
    }

    @Test
    void aSearchAnswerWithoutItemsIsMalformed() {
        wm.stubFor(get(urlPathEqualTo("/v1/persons/search")).willReturn(okJson("{\"success\":true,\"data\":null}")));

        assertThat(failure().kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
    }
}
