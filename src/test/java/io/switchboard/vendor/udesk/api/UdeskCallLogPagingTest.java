package io.switchboard.vendor.udesk.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.config.Source;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import io.switchboard.vendor.udesk.UdeskCallLogTranslator;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET calls/logs with a JSON body, page by page until a short page; records stay raw JSON. */
class UdeskCallLogPagingTest {

    @RegisterExtension
    static WireMockExtension udesk = UdeskApiStub.server();

    private static final Instant FROM = Instant.ofEpochMilli(1566316800000L);
    private static final Instant TO = Instant.ofEpochMilli(1566489599000L);

    /** The seed's first record. */
    private static final String SEED_RECORD = """
            {"CallId": "bc1cc555-0b24-4e1c-9979-a514888ea495", "StartTime": 1566298669326, "EndTime": 1566320334606,
             "AgentAnswerTime": 1566298674686, "UserAnswerTime": 0, "CallDuration": 0, "TotalDuration": 21665,
             "DestNumber": "01086482889", "UNProvince": "", "UNCity": "", "SpNumber": "057128091649", "AgentId": "",
             "AgentName": "", "WorkId": "", "Email": "", "CallType": "Outgoing", "EndType": "callResult",
             "HangupBy": "agent", "HangupReason": "", "HangupCode": "", "AgentDevType": "voip", "RobotVars": null,
             "AIRecordLen": 0, "AdCallId": "", "AdTaskId": ""}""";

    private UdeskApiClient client;

    @BeforeEach
    void setUp() {
        client = UdeskApiStub.client(udesk);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void readsPagesUntilAShortOne() {
        page(1, records(1, 100));
        page(2, records(101, 100));
        page(3, records(201, 3));

        List<JsonNode> calls = client.completedCalls(FROM, TO);

        assertThat(calls).hasSize(203);
        assertThat(calls.get(202).path("CallId").asText()).isEqualTo("call-203");
        udesk.verify(3, getRequestedFor(urlPathEqualTo(UdeskApiStub.api("calls/logs"))));
        udesk.verify(getRequestedFor(urlPathEqualTo(UdeskApiStub.api("calls/logs"))).withRequestBody(equalToJson("""
                {"PageSize": 100, "PageNum": 2, "StartTime": 1566316800000, "EndTime": 1566489599000}""")));
    }

    @Test
    void asksForOneCallByIdAndReturnsTheRecordTheTranslatorReads() {
        udesk.stubFor(get(urlPathEqualTo(UdeskApiStub.api("calls/logs")))
                .willReturn(UdeskApiStub.ok("\"Result\": {\"CallLogs\": [" + SEED_RECORD + "]}")));

        UdeskCallLogPage page = client.callLogs(UdeskCallLogQuery.call("bc1cc555-0b24-4e1c-9979-a514888ea495"));

        assertThat(page.records()).hasSize(1);
        assertThat(page.last()).isTrue();
        udesk.verify(getRequestedFor(urlPathEqualTo(UdeskApiStub.api("calls/logs"))).withRequestBody(equalToJson("""
                {"CallId": "bc1cc555-0b24-4e1c-9979-a514888ea495", "PageSize": 100, "PageNum": 1}""")));
        Source source = new Source("udesk-main", "udesk", null, null, null, "[1-9][0-9]{3}", null, null, null);
        assertThat(new UdeskCallLogTranslator().translate(page.records().get(0), source)).isNotEmpty();
    }

    @Test
    void anEmptyOrNullLogIsNoCalls() {
        udesk.stubFor(get(urlPathEqualTo(UdeskApiStub.api("calls/logs")))
                .willReturn(UdeskApiStub.ok("\"Result\": {\"CallLogs\": null}")));

        assertThat(client.completedCalls(FROM, TO)).isEmpty();
    }

    @Test
    void stopsWhenUdeskIgnoresThePageNumber() {
        udesk.stubFor(get(urlPathEqualTo(UdeskApiStub.api("calls/logs")))
                .willReturn(UdeskApiStub.ok("\"Result\": {\"CallLogs\": " + records(1, 100) + "}")));

        VendorApiException e = catchThrowableOfType(() -> client.completedCalls(FROM, TO), VendorApiException.class);

        assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("page 2 repeats page 1");
    }

    private static void page(int number, String records) {
        udesk.stubFor(get(urlPathEqualTo(UdeskApiStub.api("calls/logs")))
                .withRequestBody(matchingJsonPath("$.PageNum", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        Integer.toString(number))))
                .willReturn(UdeskApiStub.ok("\"Result\": {\"CallLogs\": " + records + "}")));
    }

    private static String records(int first, int count) {
        return IntStream.range(first, first + count)
                .mapToObj(i -> "{\"CallId\": \"call-" + i + "\", \"StartTime\": 1566351290766, \"EndTime\": 1566351302186,"
                        + " \"CallType\": \"Incoming\", \"DestNumber\": \"057128091649\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
