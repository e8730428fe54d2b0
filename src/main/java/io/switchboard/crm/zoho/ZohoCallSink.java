package io.switchboard.crm.zoho;

import io.switchboard.crm.CrmCallWriter;
import io.switchboard.crm.CrmHttp;
import io.switchboard.crm.OAuthCrmCallSink;

/**
 * The bean behind {@code connectors/crm/zoho-call-sink.kamelet.yaml}: logs each call as a record of
 * the Zoho CRM Calls module, related to the matching Contact, Lead or Account.
 */
public class ZohoCallSink extends OAuthCrmCallSink {

    private String accountsUrl = "https://accounts.zoho.com";
    private String apiDomain = "";
    private String callIdField = "Switchboard_Call_Id";

    public ZohoCallSink() {
        super("v8");
    }

    @Override
    protected String crm() {
        return "zoho";
    }

    @Override
    protected CrmCallWriter writer(CrmHttp http) {
        return new ZohoCallWriter(http, auth(http, accountsUrl, "/oauth/v2/token", "Zoho-oauthtoken", "api_domain", apiDomain),
                apiVersion(), timeZone(), callIdField);
    }

    public void setAccountsUrl(String accountsUrl) { this.accountsUrl = accountsUrl; }
    public void setApiDomain(String apiDomain) { this.apiDomain = apiDomain; }
    /** API name of a single-line custom field of the Calls module holding the hub call id; blank: none. */
    public void setCallIdField(String callIdField) { this.callIdField = callIdField; }
}
