package io.switchboard.vendor.telphin.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import io.switchboard.vendor.api.VendorHttp;
import io.switchboard.vendor.api.VendorHttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.message.BasicNameValuePair;

/**
 * The OAuth2 client-credentials access token, fetched from {@code POST /oauth/token} and cached
 * until {@code tokenRefreshMargin} before {@code expires_in} runs out (a token without
 * {@code expires_in} is kept until the API answers 401). The token is never logged.
 */
final class TelphinTokens {

    static final String TOKEN_PATH = "/oauth/token";
    private static final String OPERATION = "POST " + TOKEN_PATH;

    private final TelphinApiConfig config;
    private final VendorHttp http;
    private final Clock clock;
    private Token current;

    private record Token(String value, Instant refreshAt) {
        boolean freshAt(Instant now) {
            return refreshAt == null || now.isBefore(refreshAt);
        }
    }

    TelphinTokens(TelphinApiConfig config, VendorHttp http, Clock clock) {
        this.config = config;
        this.http = http;
        this.clock = clock;
    }

    /** A valid access token, fetched when none is cached or the cached one is about to expire. */
    synchronized String get() {
        if (current == null || !current.freshAt(clock.instant())) {
            current = fetch();
        }
        return current.value();
    }

    /** Forgets {@code rejected} (the API answered 401 with it), unless another thread already replaced it. */
    synchronized void invalidate(String rejected) {
        if (current != null && current.value().equals(rejected)) {
            current = null;
        }
    }

    private Token fetch() {
        HttpPost post = new HttpPost(config.resolve(TOKEN_PATH));
        post.setHeader(HttpHeaders.ACCEPT, "application/json");
        post.setEntity(new UrlEncodedFormEntity(
                List.of(
                        new BasicNameValuePair("grant_type", "client_credentials"),
                        new BasicNameValuePair("client_id", config.clientId()),
                        new BasicNameValuePair("client_secret", config.clientSecret())),
                StandardCharsets.UTF_8));
        Instant requestedAt = clock.instant();
        VendorHttpResponse response = http.send(post, OPERATION);
        if (!response.successful()) {
            throw TelphinJson.withVendorError(
                            http.statusFailure(OPERATION, response).kind(tokenFailureKind(response.status())),
                            response.body())
                    .build();
        }
        JsonNode body = TelphinJson.parse(response.body()).filter(JsonNode::isObject).orElseThrow(() -> malformed(
                "the token answer is not a JSON object", response.status()));
        String token = TelphinJson.text(body.get("access_token"))
                .orElseThrow(() -> malformed("no access_token in the token answer", response.status()));
        JsonNode expiresIn = body.get("expires_in");
        long seconds = expiresIn == null ? -1 : expiresIn.asLong(-1);
        Instant refreshAt = null;
        if (seconds > 0) {
            Duration lifetime = Duration.ofSeconds(seconds);
            Duration halfLife = lifetime.dividedBy(2);
            Duration margin = config.tokenRefreshMargin().compareTo(halfLife) > 0 ? halfLife : config.tokenRefreshMargin();
            refreshAt = requestedAt.plus(lifetime).minus(margin);
        }
        return new Token(token, refreshAt);
    }

    /** OAuth2 servers answer bad client credentials with 400 ({@code invalid_client}) or 401. */
    private static Kind tokenFailureKind(int status) {
        return status == 400 || status == 401 || status == 403 ? Kind.AUTHENTICATION : VendorHttp.kindOf(status);
    }

    private static VendorApiException malformed(String detail, int status) {
        return VendorApiException.of(TelphinApiClient.VENDOR, OPERATION, Kind.MALFORMED_RESPONSE)
                .httpStatus(status)
                .detail(detail)
                .build();
    }
}
