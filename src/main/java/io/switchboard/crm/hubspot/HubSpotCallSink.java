package io.switchboard.crm.hubspot;

import io.switchboard.crm.CrmCallSink;
import io.switchboard.crm.CrmCallWriter;
import io.switchboard.crm.CrmHttp;
import java.net.URI;
import java.util.List;

/**
 * The bean behind {@code connectors/crm/hubspot-call-sink.kamelet.yaml}: logs each call as a
 * HubSpot call engagement linked to the matching contact (or company). Properties = the Kamelet's
 * parameters (see {@link CrmCallSink} for the shared ones).
 */
public class HubSpotCallSink extends CrmCallSink {

    private String accessToken;
    private String baseUrl = "https://api.hubapi.com";
    private String callIdProperty = "switchboard_call_id";

    @Override
    protected String crm() {
        return "hubspot";
    }

    @Override
    protected List<String> objectTypes() {
        return List.of("contact", "company");
    }

    @Override
    protected List<String> defaultObjectPriority() {
        return List.of("contact", "company");
    }

    @Override
    protected CrmCallWriter writer(CrmHttp http) {
        return new HubSpotCallWriter(http, URI.create(baseUrl), accessToken, callIdProperty);
    }

    public void setAccessToken(String accessToken) { this.accessToken = accessToken; }
    public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
    public void setCallIdProperty(String callIdProperty) { this.callIdProperty = callIdProperty; }
}
