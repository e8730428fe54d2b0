package io.switchboard.crm;

import java.net.URI;

/** How a connector authenticates its requests to one CRM account. */
public interface CrmAuth {

    /** The API root requests are resolved against (for OAuth2 CRMs, the instance the token belongs to). */
    URI baseUrl();

    /** The request with credentials added. */
    CrmRequest sign(CrmRequest request);

    /**
     * Called once when the CRM answered 401 to {@code rejected}: true when new credentials were
     * obtained (the request is then sent exactly once more), false when nothing can change.
     */
    default boolean renew(CrmRequest rejected) {
        return false;
    }

    /** A fixed token sent as {@code Authorization: <scheme> <token>} (HubSpot private app, Pipedrive OAuth). */
    static CrmAuth header(URI baseUrl, String scheme, String token) {
        requireText(token, "token");
        return new CrmAuth() {
            @Override
            public URI baseUrl() {
                return baseUrl;
            }

            @Override
            public CrmRequest sign(CrmRequest request) {
                return request.withHeader("Authorization", scheme + " " + token);
            }
        };
    }

    /** A fixed token sent as a query parameter (Pipedrive {@code api_token}); masked in every log. */
    static CrmAuth queryParam(URI baseUrl, String name, String token) {
        requireText(token, name);
        return new CrmAuth() {
            @Override
            public URI baseUrl() {
                return baseUrl;
            }

            @Override
            public CrmRequest sign(CrmRequest request) {
                return request.withQueryParam(name, token);
            }
        };
    }

    static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("CRM connector: '" + name + "' is not configured");
        }
    }
}
