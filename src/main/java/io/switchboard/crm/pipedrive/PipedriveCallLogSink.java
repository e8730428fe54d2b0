package io.switchboard.crm.pipedrive;

import io.switchboard.crm.CrmAuth;
import io.switchboard.crm.CrmCallSink;
import io.switchboard.crm.CrmCallWriter;
import io.switchboard.crm.CrmHttp;
import java.net.URI;
import java.util.List;

/**
 * The bean behind {@code connectors/crm/pipedrive-calllog-sink.kamelet.yaml}: logs each ended call as
 * a Pipedrive call log linked to the matching person (and the person's organization).
 */
public class PipedriveCallLogSink extends CrmCallSink {

    private String apiToken = "";
    private String accessToken = "";
    private String baseUrl = "https://api.pipedrive.com";

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
        return new PipedriveCallLogWriter(http, auth);
    }

    public void setApiToken(String apiToken) { this.apiToken = apiToken; }
    public void setAccessToken(String accessToken) { this.accessToken = accessToken; }
    public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
}
