package io.switchboard.crm.pipedrive;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A create of a call log whose answer was lost: the next attempt reads {@code GET /v1/callLogs}
 * (Pipedrive cannot search call logs) for the log whose note carries the hub call id, and logs the
 * call only when it is not there; a create Pipedrive refused leaves nothing to look for.
 */
class PipedriveLostAnswerTest {

    @RegisterExtension
    static WireMockExtension wm = CrmSinkHarness.server();

    private final CrmRecords records = CrmTestJournal.records();

    @BeforeEach
    void noPersons() {
        for (String term : List.of("+33612345678", "06 12 34 56 78", "0612345678")) {
            wm.stubFor(get(urlPathEqualTo("/v1/persons/search")).withQueryParam("term", equalTo(term))
                    .willReturn(okJson(PipedriveStub.persons())));
        }
    }

    /** A call log in a listing: its Pipedrive id and the hub call id its note carries. */
    private record Log(String id, String callId) {}

    /** One page of {@code GET /v1/callLogs}, and whether more follow. */
    private static void page(int start, int limit, List<Log> logs, boolean more) {
        StringBuilder data = new StringBuilder();
        for (Log log : logs) {
            if (data.length() > 0) {
                data.append(',');
            }
            data.append("{\"id\":\"").append(log.id()).append("\",\"activity_id\":1011,\"user_id\":7,\"company_id\":123,")
                    .append("\"subject\":\"Inbound call from +33612345678\",\"duration\":\"65\",\"outcome\":\"connected\",")
                    .append("\"from_phone_number\":\"+33612345678\",\"to_phone_number\":\"+33123456789\",")
                    .append("\"start_time\":\"2026-11-23 09:15:00\",\"end_time\":\"2026-11-23 09:16:12\",")
                    .append("\"has_recording\":false,")
                    // Pipedrive answers notes as HTML.
                    .append("\"note\":\"<p>Outcome: ANSWERED<br>Line: +33123456789 (keyyo)<br>Switchboard call id: ")
                    .append(log.callId()).append("</p>\"}");
        }
        String pagination = "{\"start\":" + start + ",\"limit\":" + limit + ",\"more_items_in_collection\":" + more
                + (more ? ",\"next_start\":" + (start + logs.size()) : "") + "}";
        wm.stubFor(get(urlPathEqualTo("/v1/callLogs")).withQueryParam("start", equalTo(String.valueOf(start)))
                .withQueryParam("limit", equalTo(String.valueOf(limit)))
                .withQueryParam("api_token", equalTo(PipedriveStub.API_TOKEN))
                .willReturn(okJson("{\"success\":true,\"data\":[" + data + "],\"additional_data\":{\"pagination\":"
                        + pagination + "}}")));
    }

    private static List<Log> others(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> new Log("cl-" + i, "other-" + i)).toList();
    }

    private void lostAnswerOf(String callId) {
        // What the journal holds after a crash (or a timeout) between sending the create and reading its answer.
        records.remember("pipedrive-main", callId, CrmRecords.Kind.CREATE_SENT, "pipedrive", "sent");
    }

    @Test
    void aLogWrittenBeforeTheLostAnswerIsFoundOnALaterPageAndNotLoggedTwice() {
        List<Log> first = new ArrayList<>(others(0, 49));
        first.add(new Log("cl-call-50", "call-50")); // another call whose id starts with ours
        page(0, 50, first, true);
        page(50, 50, List.of(new Log("cl-x", "other-x"), new Log("cl-mine", "call-5")), false);
        lostAnswerOf("call-5");

        Exchange done = CrmSinkHarness.deliver(PipedriveStub.sink(wm, records), CrmTestCalls.inboundAnswered("call-5"));

        assertThat(done.getMessage().getHeader(CrmCallSink.RECORD_ID_HEADER)).isEqualTo("cl-mine");
        wm.verify(0, postRequestedFor(urlPathEqualTo("/v1/callLogs")));
        wm.verify(2, getRequestedFor(urlPathEqualTo("/v1/callLogs")));
        assertThat(records.recordId("pipedrive-main", "call-5", CrmRecords.Kind.CALL)).contains("cl-mine");
        assertThat(records.recordId("pipedrive-main", "call-5", CrmRecords.Kind.CREATE_SENT)).as("the mark").isEmpty();
    }

    @Test
    void whenTheListEndsWithoutItTheCallIsLoggedOnce() {
        // An account without call logs answers data: null.
        wm.stubFor(get(urlPathEqualTo("/v1/callLogs")).willReturn(okJson("{\"success\":true,\"data\":null,"
                + "\"additional_data\":{\"pagination\":{\"start\":0,\"limit\":50,\"more_items_in_collection\":false}}}")));
        wm.stubFor(post(urlPathEqualTo("/v1/callLogs")).willReturn(okJson(PipedriveStub.callLogCreated("cl-new"))));
        lostAnswerOf("call-6");

        Exchange done = CrmSinkHarness.deliver(PipedriveStub.sink(wm, records), CrmTestCalls.inboundAnswered("call-6"));

        assertThat(done.getMessage().getHeader(CrmCallSink.RECORD_ID_HEADER)).isEqualTo("cl-new");
        wm.verify(1, getRequestedFor(urlPathEqualTo("/v1/callLogs")));
        wm.verify(1, postRequestedFor(urlPathEqualTo("/v1/callLogs")));
        assertThat(records.recordId("pipedrive-main", "call-6", CrmRecords.Kind.CALL)).contains("cl-new");
        assertThat(records.recordId("pipedrive-main", "call-6", CrmRecords.Kind.CREATE_SENT)).isEmpty();
    }

    @Test
    void theReadingStopsAtLostLogScanThenTheCallIsLogged() {
        page(0, 50, others(0, 50), true);
        page(50, 50, others(50, 50), true);
        page(100, 20, others(100, 20), true);
        wm.stubFor(post(urlPathEqualTo("/v1/callLogs")).willReturn(okJson(PipedriveStub.callLogCreated("cl-new"))));
        lostAnswerOf("call-7");
        PipedriveCallLogSink sink = PipedriveStub.sink(wm, records);
        sink.setLostLogScan(120);

        CrmSinkHarness.deliver(sink, CrmTestCalls.inboundAnswered("call-7"));

        wm.verify(3, getRequestedFor(urlPathEqualTo("/v1/callLogs")));
        wm.verify(getRequestedFor(urlPathEqualTo("/v1/callLogs")).withQueryParam("start", equalTo("100"))
                .withQueryParam("limit", equalTo("20")));
        wm.verify(1, postRequestedFor(urlPathEqualTo("/v1/callLogs")));
    }

    @Test
    void aTimedOutCreateIsLookedForOnTheRetryAndFound() {
        wm.stubFor(post(urlPathEqualTo("/v1/callLogs")).inScenario("slow").whenScenarioStateIs(STARTED)
                .willReturn(okJson(PipedriveStub.callLogCreated("cl-slow")).withFixedDelay(1500)).willSetStateTo("stored"));
        page(0, 50, List.of(new Log("cl-slow", "call-8")), false);
        PipedriveCallLogSink sink = PipedriveStub.sink(wm, records);
        sink.setReadTimeout(300);

        VendorApiException lost = assertThrows(VendorApiException.class,
                () -> CrmSinkHarness.deliver(sink, CrmTestCalls.inboundAnswered("call-8")));
        assertThat(lost.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(records.recordId("pipedrive-main", "call-8", CrmRecords.Kind.CREATE_SENT)).as("kept").contains("sent");

        Exchange retry = CrmSinkHarness.deliver(sink, CrmTestCalls.inboundAnswered("call-8"));

        assertThat(retry.getMessage().getHeader(CrmCallSink.RECORD_ID_HEADER)).isEqualTo("cl-slow");
        wm.verify(1, postRequestedFor(urlPathEqualTo("/v1/callLogs")));
        assertThat(records.recordId("pipedrive-main", "call-8", CrmRecords.Kind.CALL)).contains("cl-slow");
    }

    @Test
    void aRefusedCreateDropsItsMarkSoTheRetryReadsNoCallLogs() {
        wm.stubFor(post(urlPathEqualTo("/v1/callLogs")).inScenario("limit").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":false,\"error\":\"Request over limit\",\"errorCode\":429}"))
                .willSetStateTo("open"));
        wm.stubFor(post(urlPathEqualTo("/v1/callLogs")).inScenario("limit").whenScenarioStateIs("open")
                .willReturn(okJson(PipedriveStub.callLogCreated("cl-9"))));
        PipedriveCallLogSink sink = PipedriveStub.sink(wm, records);

        VendorApiException limited = assertThrows(VendorApiException.class,
                () -> CrmSinkHarness.deliver(sink, CrmTestCalls.inboundAnswered("call-9")));
        assertThat(limited.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(records.recordId("pipedrive-main", "call-9", CrmRecords.Kind.CREATE_SENT)).isEmpty();

        CrmSinkHarness.deliver(sink, CrmTestCalls.inboundAnswered("call-9"));

        wm.verify(0, getRequestedFor(urlPathEqualTo("/v1/callLogs")));
        wm.verify(2, postRequestedFor(urlPathEqualTo("/v1/callLogs")));
        assertThat(records.recordId("pipedrive-main", "call-9", CrmRecords.Kind.CALL)).contains("cl-9");
    }

    @Test
    void anEarlierAttemptsMarkSurvivesARefusedCreate() {
        // The earlier create may be stored and not listed yet: its mark must outlive this attempt's 429.
        page(0, 50, List.of(), false);
        wm.stubFor(post(urlPathEqualTo("/v1/callLogs")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"success\":false,\"error\":\"Request over limit\",\"errorCode\":429}")));
        lostAnswerOf("call-10");

        assertThrows(VendorApiException.class,
                () -> CrmSinkHarness.deliver(PipedriveStub.sink(wm, records), CrmTestCalls.inboundAnswered("call-10")));

        assertThat(records.recordId("pipedrive-main", "call-10", CrmRecords.Kind.CREATE_SENT)).contains("sent");
    }

    @Test
    void withLostLogScanZeroNothingIsMarkedOrRead() {
        wm.stubFor(post(urlPathEqualTo("/v1/callLogs")).willReturn(okJson(PipedriveStub.callLogCreated("cl-11"))));
        PipedriveCallLogSink sink = PipedriveStub.sink(wm, records);
        sink.setLostLogScan(0);
        lostAnswerOf("call-11"); // a mark from before the setting changed is ignored

        CrmSinkHarness.deliver(sink, CrmTestCalls.inboundAnswered("call-12"));
        CrmSinkHarness.deliver(sink, CrmTestCalls.inboundAnswered("call-11"));

        assertThat(records.recordId("pipedrive-main", "call-12", CrmRecords.Kind.CREATE_SENT)).isEmpty();
        wm.verify(0, getRequestedFor(urlPathEqualTo("/v1/callLogs")));
        wm.verify(2, postRequestedFor(urlPathEqualTo("/v1/callLogs")));
    }

    @Test
    void aNegativeLostLogScanIsRefused() {
        PipedriveCallLogSink sink = new PipedriveCallLogSink();

        assertThat(assertThrows(IllegalArgumentException.class, () -> sink.setLostLogScan(-1)).getMessage())
                .contains("lostLogScan");
    }

    @Test
    void theHubCallIdMustBeWholeInTheNote() {
        assertThat(PipedriveCallLogWriter.carriesCallId("a\nSwitchboard call id: call-5", "call-5")).isTrue();
        assertThat(PipedriveCallLogWriter.carriesCallId("<p>Switchboard call id: call-5</p>", "call-5")).isTrue();
        assertThat(PipedriveCallLogWriter.carriesCallId("Switchboard call id: call-50", "call-5")).isFalse();
        assertThat(PipedriveCallLogWriter.carriesCallId("Switchboard call id: call-50<br>Switchboard call id: call-5",
                "call-5")).isTrue();
        assertThat(PipedriveCallLogWriter.carriesCallId("call-5", "call-5")).as("the id alone").isFalse();
    }
}
