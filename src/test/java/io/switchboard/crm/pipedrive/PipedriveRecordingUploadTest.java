package io.switchboard.crm.pipedrive;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.switchboard.call.Call;
import io.switchboard.call.CallState;
import io.switchboard.call.Direction;
import io.switchboard.call.Outcome;
import io.switchboard.crm.CrmCallSink;
import io.switchboard.crm.CrmRecords;
import io.switchboard.crm.CrmSinkHarness;
import io.switchboard.crm.CrmTestCalls;
import io.switchboard.crm.CrmTestJournal;
import io.switchboard.vendor.api.VendorApiException;
import java.util.List;
import java.util.Random;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pipedrive {@code uploadRecording}: the recording is fetched from the phone vendor's URL (here
 * WireMock) and uploaded to the call log as {@code multipart/form-data} ({@code POST
 * /v1/callLogs/{id}/recordings}, part {@code file}), once per call; too large or gone, the link in
 * the note is what remains; a failed upload is retried without a second call log.
 */
class PipedriveRecordingUploadTest {

    @RegisterExtension
    static WireMockExtension wm = CrmSinkHarness.server();

    private static final byte[] AUDIO = new byte[300 * 1024];

    static {
        new Random(7).nextBytes(AUDIO);
    }

    private final CrmRecords records = CrmTestJournal.records();

    @BeforeEach
    void pipedrive() {
        wm.stubFor(get(urlPathEqualTo("/v1/persons/search")).willReturn(okJson(PipedriveStub.persons())));
        wm.stubFor(post(urlPathEqualTo("/v1/callLogs")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(PipedriveStub.callLogCreated("a1b2c3"))));
    }

    private static Call answeredWithRecording(String id, String path) {
        Call c = CrmTestCalls.inboundAnswered(id);
        return new Call(c.id(), c.vendor(), c.source(), c.vendorCallId(), c.line(), Direction.INBOUND, c.from(), c.to(),
                CallState.ENDED, Outcome.ANSWERED, c.startedAt(), c.answeredAt(), c.endedAt(), c.ringSeconds(),
                c.talkSeconds(), c.agent(), CrmSinkHarness.baseUrl(wm) + path, List.of(), List.of());
    }

    private PipedriveCallLogSink uploading() {
        PipedriveCallLogSink sink = PipedriveStub.sink(wm, records);
        sink.setUploadRecording(true);
        sink.setRecordingMaxMegabytes(1);
        return sink;
    }

    private static void recordingServed(String path) {
        wm.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "audio/mpeg").withBody(AUDIO)));
    }

    private static void uploadAccepted() {
        wm.stubFor(post(urlPathEqualTo("/v1/callLogs/a1b2c3/recordings")).willReturn(okJson("{\"success\":true}")));
    }

    @Test
    void theRecordingIsStreamedFromTheVendorToTheCallLogOnce() {
        recordingServed("/vendor/rec/up-1.mp3");
        uploadAccepted();
        PipedriveCallLogSink sink = uploading();

        CrmSinkHarness.deliver(sink, answeredWithRecording("up-1", "/vendor/rec/up-1.mp3?sig=s3cr3t"));
        CrmSinkHarness.deliver(sink, answeredWithRecording("up-1", "/vendor/rec/up-1.mp3?sig=s3cr3t"));

        wm.verify(1, getRequestedFor(urlEqualTo("/vendor/rec/up-1.mp3?sig=s3cr3t")));
        wm.verify(1, postRequestedFor(urlEqualTo("/v1/callLogs/a1b2c3/recordings?api_token=" + PipedriveStub.API_TOKEN))
                .withHeader("Content-Type", containing("multipart/form-data"))
                .withRequestBodyPart(aMultipart().withName("file").withBody(binaryEqualTo(AUDIO))
                        .withHeader("Content-Disposition", containing("filename=\"up-1.mp3\""))
                        .withHeader("Content-Type", containing("audio/mpeg"))
                        .build()));
        wm.verify(1, postRequestedFor(urlPathEqualTo("/v1/callLogs")));
        assertThat(records.recordId("pipedrive-main", "up-1", CrmRecords.Kind.RECORDING)).contains("a1b2c3");
    }

    @Test
    void aFailedUploadIsRetriedWithoutASecondCallLog() {
        recordingServed("/vendor/rec/up-2.mp3");
        wm.stubFor(post(urlPathEqualTo("/v1/callLogs/a1b2c3/recordings")).inScenario("upload").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")).willSetStateTo("up"));
        wm.stubFor(post(urlPathEqualTo("/v1/callLogs/a1b2c3/recordings")).inScenario("upload").whenScenarioStateIs("up")
                .willReturn(okJson("{\"success\":true}")));
        PipedriveCallLogSink sink = uploading();

        VendorApiException first = assertThrows(VendorApiException.class,
                () -> CrmSinkHarness.deliver(sink, answeredWithRecording("up-2", "/vendor/rec/up-2.mp3")));
        assertThat(first.retryable()).isTrue();
        assertThat(records.recordId("pipedrive-main", "up-2", CrmRecords.Kind.CALL)).contains("a1b2c3");
        assertThat(records.recordId("pipedrive-main", "up-2", CrmRecords.Kind.RECORDING)).isEmpty();

        CrmSinkHarness.deliver(sink, answeredWithRecording("up-2", "/vendor/rec/up-2.mp3"));

        wm.verify(1, postRequestedFor(urlPathEqualTo("/v1/callLogs")));
        wm.verify(2, postRequestedFor(urlPathEqualTo("/v1/callLogs/a1b2c3/recordings")));
        assertThat(records.recordId("pipedrive-main", "up-2", CrmRecords.Kind.RECORDING)).contains("a1b2c3");
    }

    @Test
    void aRecordingAboveTheLimitIsNotUploadedAndTheLinkStaysInTheNote() {
        wm.stubFor(get(urlPathEqualTo("/vendor/rec/big.mp3")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "audio/mpeg").withBody(new byte[1024 * 1024 + 1])));
        uploadAccepted();

        Exchange done = CrmSinkHarness.deliver(uploading(), answeredWithRecording("up-3", "/vendor/rec/big.mp3"));

        assertThat(done.getMessage().getHeader(CrmCallSink.RECORD_ID_HEADER)).isEqualTo("a1b2c3");
        wm.verify(0, postRequestedFor(urlPathEqualTo("/v1/callLogs/a1b2c3/recordings")));
        LoggedRequest log = wm.findAll(postRequestedFor(urlPathEqualTo("/v1/callLogs"))).get(0);
        assertThat(log.getBodyAsString()).contains("Recording: " + CrmSinkHarness.baseUrl(wm) + "/vendor/rec/big.mp3");
    }

    @Test
    void aRecordingTheVendorNoLongerHasIsSkipped() {
        wm.stubFor(get(urlPathEqualTo("/vendor/rec/gone.mp3")).willReturn(aResponse().withStatus(404)));
        uploadAccepted();

        Exchange done = CrmSinkHarness.deliver(uploading(), answeredWithRecording("up-4", "/vendor/rec/gone.mp3"));

        assertThat(done.getMessage().getHeader(CrmCallSink.RECORD_ID_HEADER)).isEqualTo("a1b2c3");
        wm.verify(0, postRequestedFor(urlPathEqualTo("/v1/callLogs/a1b2c3/recordings")));
    }

    @Test
    void withoutUploadRecordingOnlyTheLinkIsSent() {
        recordingServed("/vendor/rec/up-5.mp3");
        uploadAccepted();

        CrmSinkHarness.deliver(PipedriveStub.sink(wm, records), answeredWithRecording("up-5", "/vendor/rec/up-5.mp3"));

        wm.verify(0, getRequestedFor(urlPathEqualTo("/vendor/rec/up-5.mp3")));
        wm.verify(0, postRequestedFor(urlPathEqualTo("/v1/callLogs/a1b2c3/recordings")));
        assertThat(wm.findAll(postRequestedFor(urlPathEqualTo("/v1/callLogs"))).get(0).getBodyAsString())
                .contains("Recording: " + CrmSinkHarness.baseUrl(wm) + "/vendor/rec/up-5.mp3");
    }

    @Test
    void aDryRunRecordsTheUploadAndDownloadsNothing() {
        recordingServed("/vendor/rec/up-6.mp3");
        PipedriveCallLogSink sink = uploading();
        sink.setDryRun(true);

        Exchange done = CrmSinkHarness.deliver(sink, answeredWithRecording("up-6", "/vendor/rec/up-6.mp3?sig=s3cr3t"));

        assertThat(wm.getAllServeEvents()).isEmpty();
        @SuppressWarnings("unchecked")
        List<String> requests = done.getMessage().getHeader(CrmCallSink.DRY_RUN_HEADER, List.class);
        assertThat(requests).last().asString()
                .startsWith("POST " + CrmSinkHarness.baseUrl(wm) + "/v1/callLogs/dry-run/recordings?api_token=****")
                .contains("file=up-6.mp3", "/vendor/rec/up-6.mp3)")
                .doesNotContain("s3cr3t", PipedriveStub.API_TOKEN);
    }
}
