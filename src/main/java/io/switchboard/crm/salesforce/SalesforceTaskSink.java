package io.switchboard.crm.salesforce;

import io.switchboard.crm.CrmCallWriter;
import io.switchboard.crm.CrmHttp;
import io.switchboard.crm.OAuthCrmCallSink;

/**
 * The bean behind {@code connectors/crm/salesforce-task-sink.kamelet.yaml}: logs each call as a
 * Salesforce Task (TaskSubtype Call) linked to the matching Contact, Lead or Account.
 */
public class SalesforceTaskSink extends OAuthCrmCallSink {

    private String loginUrl = "https://login.salesforce.com";
    private String instanceUrl = "";
    private String externalIdField = "";
    private String recordingField = "";

    public SalesforceTaskSink() {
        super("v62.0");
    }

    @Override
    protected String crm() {
        return "salesforce";
    }

    @Override
    protected CrmCallWriter writer(CrmHttp http) {
        return new SalesforceTaskWriter(http, auth(http, loginUrl, "/services/oauth2/token", "Bearer", "instance_url", instanceUrl),
                apiVersion(), externalIdField, recordingField, timeZone());
    }

    public void setLoginUrl(String loginUrl) { this.loginUrl = loginUrl; }
    public void setInstanceUrl(String instanceUrl) { this.instanceUrl = instanceUrl; }
    public void setExternalIdField(String externalIdField) { this.externalIdField = externalIdField; }
    public void setRecordingField(String recordingField) { this.recordingField = recordingField; }
}
