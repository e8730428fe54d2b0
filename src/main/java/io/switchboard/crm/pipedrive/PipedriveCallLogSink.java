package io.switchboard.crm.pipedrive;

import io.switchboard.crm.CrmAuth;
import io.switchboard.crm.CrmCallSink;
import io.switchboard.crm.CrmCallWriter;
import io.switchboard.crm.CrmHttp;
import io.switchboard.crm.RecordingDownload;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The bean behind {@code connectors/crm/pipedrive-calllog-sink.kamelet.yaml}: logs each ended call as
 * a Pipedrive call log linked to the matching person (and the person's organization).
 */
public class PipedriveCallLogSink extends CrmCallSink {

    private String apiToken = "";
    private String accessToken = "";
    private String baseUrl = "https://api.pipedrive.com";
    private boolean uploadRecording;
    private int recordingMaxMegabytes = 50;
    private int recordingTimeout = 60000;
    private int lostLogScan = 1000;

    @Override
    protected String crm() {
        return "pipedrive";
    }

    @Override
    protected List<String> objectTypes() {
        return List.of("person");
    }

    @Override
    protected List<String> defaultObjectPriority() {
        return List.of("person");
    }

    @Override
    protected CrmCallWriter writer(CrmHttp http) {
        URI base = URI.create(baseUrl);
        CrmAuth auth = accessToken != null && !accessToken.isBlank()
                ? CrmAuth.header(base, "Bearer", accessToken)
                : CrmAuth.queryParam(base, "api_token", apiToken);
        RecordingDownload recordings = uploadRecording
                ? new RecordingDownload(recordingMaxMegabytes * 1024L * 1024L, Duration.ofSeconds(5),
                        Duration.ofMillis(recordingTimeout))
                : null;
        return new PipedriveCallLogWriter(http, auth, recordings, lostLogScan);
    }

    public void setApiToken(String apiToken) { this.apiToken = apiToken; }
    public void setAccessToken(String accessToken) { this.accessToken = accessToken; }
    public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
    /** Upload the recording file to the call log (else only its link is in the note). */
    public void setUploadRecording(boolean uploadRecording) { this.uploadRecording = uploadRecording; }
    /** Larger recordings are not uploaded (the link stays in the note). */
    public void setRecordingMaxMegabytes(int recordingMaxMegabytes) { this.recordingMaxMegabytes = recordingMaxMegabytes; }
    /** Longest wait for the vendor's recording URL to answer (ms). */
    public void setRecordingTimeout(int recordingTimeout) { this.recordingTimeout = recordingTimeout; }
    /**
     * After a create whose answer was lost, read up to this many call logs ({@code GET /v1/callLogs})
     * for the one carrying the hub call id before logging the call again; 0: never (nor mark creates).
     */
    public void setLostLogScan(int lostLogScan) {
        if (lostLogScan < 0) {
            throw new IllegalArgumentException("lostLogScan must be 0 (off) or a number of call logs, not " + lostLogScan);
        }
        this.lostLogScan = lostLogScan;
    }
}
