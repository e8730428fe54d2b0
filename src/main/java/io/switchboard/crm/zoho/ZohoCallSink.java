package io.switchboard.crm.zoho;

import io.switchboard.crm.CrmCallSink;
import io.switchboard.crm.CrmCallWriter;
import io.switchboard.crm.CrmHttp;
import io.switchboard.crm.OAuthRefreshAuth;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;

/**
 * The bean behind {@code connectors/crm/zoho-call-sink.kamelet.yaml}: logs each call as a record of
 * the Zoho CRM Calls module, related to the matching Contact, Lead or Account.
 */
public class ZohoCallSink extends CrmCallSink {

    private String clientId;
    private String clientSecret;
    private String refreshToken;
    private String accountsUrl = "https://accounts.zoho.com";
    private String apiDomain = "";
    private String apiVersion = "v8";
    private String timeZone = "UTC";
    private String callIdField = "Switchboard_Call_Id";

    @Override
    protected String crm() {
        return "zoho";
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
        URI token = URI.create(accountsUrl.replaceAll("/+$", "") + "/oauth/v2/token");
        OAuthRefreshAuth auth = new OAuthRefreshAuth(http, token, clientId, clientSecret, refreshToken, "Zoho-oauthtoken",
                "api_domain", apiDomain == null || apiDomain.isBlank() ? null : URI.create(apiDomain), clock());
        return new ZohoCallWriter(http, auth, apiVersion, ZoneId.of(timeZone), callIdField);
    }

    public void setClientId(String clientId) { this.clientId = clientId; }
    public void setClientSecret(String clientSecret) { this.clientSecret = clientSecret; }
    public void setRefreshToken(String refreshToken) { this.refreshToken = refreshToken; }
    public void setAccountsUrl(String accountsUrl) { this.accountsUrl = accountsUrl; }
    public void setApiDomain(String apiDomain) { this.apiDomain = apiDomain; }
    public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    /** API name of a single-line custom field of the Calls module holding the hub call id; blank: none. */
    public void setCallIdField(String callIdField) { this.callIdField = callIdField; }
}
