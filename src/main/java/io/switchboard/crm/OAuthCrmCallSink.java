package io.switchboard.crm;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;

/**
 * What the OAuth2 CRM sinks (Salesforce, Zoho) share: the refresh-token credentials, the API
 * version, the time zone of the CRM's local date fields, and their contact objects (contact, lead,
 * account, in that order unless {@code objectPriority} says otherwise). A subclass names its CRM,
 * its token endpoint and builds its writer.
 */
public abstract class OAuthCrmCallSink extends CrmCallSink {

    private static final List<String> OBJECTS = List.of("contact", "lead", "account");

    private String clientId;
    private String clientSecret;
    private String refreshToken;
    private String apiVersion;
    private String timeZone = "UTC";

    protected OAuthCrmCallSink(String defaultApiVersion) {
        this.apiVersion = defaultApiVersion;
    }

    @Override
    protected List<String> objectTypes() {
        return OBJECTS;
    }

    @Override
    protected List<String> defaultObjectPriority() {
        return OBJECTS;
    }

    /**
     * The refresh-token flow against {@code authServer + tokenPath}.
     *
     * @param scheme        Authorization scheme of the API requests
     * @param instanceField token-answer field holding the API root
     * @param apiRoot       configured API root (blank: the token answer's)
     */
    protected OAuthRefreshAuth auth(CrmHttp http, String authServer, String tokenPath, String scheme, String instanceField,
            String apiRoot) {
        URI token = URI.create(authServer.replaceAll("/+$", "") + tokenPath);
        return new OAuthRefreshAuth(http, token, clientId, clientSecret, refreshToken, scheme, instanceField,
                apiRoot == null || apiRoot.isBlank() ? null : URI.create(apiRoot), clock());
    }

    protected String apiVersion() {
        return apiVersion;
    }

    protected ZoneId timeZone() {
        return ZoneId.of(timeZone);
    }

    public void setClientId(String clientId) { this.clientId = clientId; }
    public void setClientSecret(String clientSecret) { this.clientSecret = clientSecret; }
    public void setRefreshToken(String refreshToken) { this.refreshToken = refreshToken; }
    public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
}
