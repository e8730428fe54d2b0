package io.switchboard.crm.salesforce;

import io.switchboard.crm.CrmCallSink;
import io.switchboard.crm.CrmCallWriter;
import io.switchboard.crm.CrmHttp;
import io.switchboard.crm.OAuthRefreshAuth;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;

/**
 * The bean behind {@code connectors/crm/salesforce-task-sink.kamelet.yaml}: logs each call as a
 * Salesforce Task (TaskSubtype Call) linked to the matching Contact, Lead or Account.
 */
public class SalesforceTaskSink extends CrmCallSink {

    private String clientId;
    private String clientSecret;
    private String refreshToken;
    private String loginUrl = "https://login.salesforce.com";
    private String instanceUrl = "";
    private String apiVersion = "v62.0";
    private String externalIdField = "";
    private String recordingField = "";
    private String timeZone = "UTC";

    @Override
    protected String crm() {
        return "salesforce";
    }

    @Override
    protected List<String> objectTypes() {
        return List.of("contact", "lead", "account");
    }

    @Override
    protected List<String> defaultObjectPriority() {
        return List.of("contact", "lead", "account");
    }

    @Override
    protected CrmCallWriter writer(CrmHttp http) {
        OAuthRefreshAuth auth = new OAuthRefreshAuth(http, URI.create(loginUrl.replaceAll("/+$", "") + "/services/oauth2/token"), clientId, clientSecret, refreshToken,
                "Bearer", "instance_url", instanceUrl == null || instanceUrl.isBlank() ? null : URI.create(instanceUrl),
                clock());
        return new SalesforceTaskWriter(http, auth, apiVersion, externalIdField, recordingField, ZoneId.of(timeZone));
    }

    public void setClientId(String clientId) { this.clientId = clientId; }
    public void setClientSecret(String clientSecret) { this.clientSecret = clientSecret; }
    public void setRefreshToken(String refreshToken) { this.refreshToken = refreshToken; }
    public void setLoginUrl(String loginUrl) { this.loginUrl = loginUrl; }
    public void setInstanceUrl(String instanceUrl) { this.instanceUrl = instanceUrl; }
    public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }
    public void setExternalIdField(String externalIdField) { this.externalIdField = externalIdField; }
    public void setRecordingField(String recordingField) { this.recordingField = recordingField; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
}
