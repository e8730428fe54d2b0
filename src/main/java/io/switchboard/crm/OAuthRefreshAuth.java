package io.switchboard.crm;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import io.switchboard.vendor.api.VendorHttp;
import io.switchboard.vendor.api.VendorHttpResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * OAuth2 refresh-token flow (Salesforce, Zoho CRM): {@code POST <tokenUrl>} with
 * {@code grant_type=refresh_token, client_id, client_secret, refresh_token} as a form; the access
 * token is cached until {@code expires_in} (when given) or until the API answers 401, then renewed
 * once. The API root comes from the token answer ({@code instance_url} for Salesforce,
 * {@code api_domain} for Zoho) unless configured. Tokens and secrets are never logged.
 */
public final class OAuthRefreshAuth implements CrmAuth {

    private final CrmHttp http;
    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final String refreshToken;
    private final String scheme;
    private final String instanceField;
    private final URI configuredBase;
    private final Clock clock;
    private Token current;

    private record Token(String value, URI base, Instant expiresAt) {}

    /**
     * @param scheme        Authorization scheme: {@code Bearer} (Salesforce) or {@code Zoho-oauthtoken}
     * @param instanceField token-answer field holding the API root: {@code instance_url} or {@code api_domain}
     * @param configuredBase API root to use instead of the token answer's (null: use the answer's)
     */
    public OAuthRefreshAuth(CrmHttp http, URI tokenUrl, String clientId, String clientSecret, String refreshToken,
            String scheme, String instanceField, URI configuredBase, Clock clock) {
        CrmAuth.requireText(clientId, "clientId");
        CrmAuth.requireText(clientSecret, "clientSecret");
        CrmAuth.requireText(refreshToken, "refreshToken");
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.refreshToken = refreshToken;
        this.scheme = scheme;
        this.instanceField = instanceField;
        this.configuredBase = configuredBase;
        this.clock = clock;
    }

    @Override
    public synchronized URI baseUrl() {
        return token().base();
    }

    @Override
    public synchronized CrmRequest sign(CrmRequest request) {
        return request.withHeader("Authorization", scheme + " " + token().value());
    }

    @Override
    public synchronized boolean renew(CrmRequest rejected) {
        String used = rejected.headers().get("Authorization");
        if (current != null && used != null && used.equals(scheme + " " + current.value())) {
            current = null;
        }
        return true;
    }

    private Token token() {
        if (current == null || (current.expiresAt() != null && !clock.instant().isBefore(current.expiresAt()))) {
            current = fetch();
        }
        return current;
    }

    private Token fetch() {
        if (http.dryRun()) {
            return new Token("dry-run-token", configuredBase != null ? configuredBase : tokenUrl.resolve("/"), null);
        }
        String form = form(Map.of(
                "grant_type", "refresh_token",
                "client_id", clientId,
                "client_secret", clientSecret,
                "refresh_token", refreshToken));
        CrmRequest request = new CrmRequest("POST", tokenUrl, Map.of("Accept", "application/json"), form,
                "application/x-www-form-urlencoded");
        String operation = request.operation();
        Instant requestedAt = clock.instant();
        VendorHttpResponse response = http.send(request, null);
        if (!response.successful()) {
            int status = response.status();
            Kind kind = status == 400 || status == 401 || status == 403 ? Kind.AUTHENTICATION : VendorHttp.kindOf(status);
            throw CrmJson.withVendorError(
                            VendorApiException.of(http.crm(), operation, kind)
                                    .httpStatus(status)
                                    .retryAfter(response.retryAfter().orElse(null)),
                            response.body())
                    .build();
        }
        JsonNode body = CrmJson.parse(response.body())
                .filter(JsonNode::isObject)
                .orElseThrow(() -> http.malformed(operation, response.status(), "the token answer is not a JSON object"));
        String token = CrmJson.text(body.get("access_token")).orElse(null);
        if (token == null) {
            if (body.has("error")) {
                // Zoho answers a refused refresh token with 200 {"error":"invalid_code"}.
                throw CrmJson.withVendorError(
                                VendorApiException.of(http.crm(), operation, Kind.AUTHENTICATION).httpStatus(response.status()),
                                response.body())
                        .build();
            }
            throw http.malformed(operation, response.status(), "no access_token in the token answer");
        }
        URI base = configuredBase;
        if (base == null) {
            base = CrmJson.text(body.get(instanceField))
                    .map(URI::create)
                    .orElseThrow(() -> http.malformed(operation, response.status(), "no " + instanceField + " in the token answer"));
        }
        long seconds = body.path("expires_in").asLong(-1);
        Instant expiresAt = seconds > 0 ? requestedAt.plusSeconds(Math.max(1, seconds - Math.min(60, seconds / 2))) : null;
        return new Token(token, base, expiresAt);
    }

    private static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        for (String name : new String[] {"grant_type", "client_id", "client_secret", "refresh_token"}) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(name).append('=').append(URLEncoder.encode(fields.get(name), StandardCharsets.UTF_8));
        }
        return out.toString();
    }
}
