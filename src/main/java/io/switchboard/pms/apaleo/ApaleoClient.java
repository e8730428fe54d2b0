package io.switchboard.pms.apaleo;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.call.CanonicalJson;
import io.switchboard.pms.PmsProperties;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import io.switchboard.vendor.api.VendorHttp;
import io.switchboard.vendor.api.VendorHttpResponse;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * The few Apaleo API calls the hub needs to put a call charge on a guest's folio:
 *
 * <ol>
 *   <li>{@code POST {identity}/connect/token} — OAuth2 client credentials (HTTP Basic), token cached
 *       until shortly before {@code expires_in};
 *   <li>{@code GET /finance/v1/folios?reservationIds={id}&type=Guest} — the reservation's folios (204
 *       when there are none); the main folio is used;
 *   <li>{@code POST /finance/v1/folio-actions/{folioId}/charges} with {@code Idempotency-Key} — the
 *       charge ({@code serviceType}, {@code vatType}, {@code name}, {@code amount{amount,currency}}).
 * </ol>
 *
 * A 401 refreshes the token once. Failures are {@link VendorApiException}s (vendor "apaleo"):
 * {@code retryable()} tells the poster whether to try again later.
 */
public class ApaleoClient implements AutoCloseable {

    static final String VENDOR = "apaleo";

    private final PmsProperties.Apaleo settings;
    private final VendorHttp http;
    private final Clock clock;
    private String token;
    private Instant tokenValidUntil = Instant.EPOCH;

    public ApaleoClient(PmsProperties.Apaleo settings, VendorHttp http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    /** The main guest folio of a reservation, if it has one. */
    public synchronized Optional<String> guestFolio(String reservationId) {
        String path = "/finance/v1/folios?reservationIds=" + URLEncoder.encode(reservationId, StandardCharsets.UTF_8)
                + "&type=Guest";
        VendorHttpResponse response = authorized(() -> new HttpGet(settings.apiUrl() + path), "GET /finance/v1/folios");
        if (response.status() == 204 || response.body().isBlank()) {
            return Optional.empty();
        }
        JsonNode folios = json(response, "GET /finance/v1/folios").path("folios");
        JsonNode chosen = null;
        for (JsonNode folio : folios) {
            if (chosen == null || folio.path("isMainFolio").asBoolean(false)) {
                chosen = folio;
            }
        }
        return chosen == null ? Optional.empty() : Optional.ofNullable(chosen.path("id").asText(null));
    }

    /** Posts a charge; {@code idempotencyKey} makes a repeat of the same request a no-op on Apaleo's side. */
    public synchronized Optional<String> postCharge(String folioId, String name, BigDecimal amount, String currency,
            String idempotencyKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceType", settings.serviceType());
        body.put("vatType", settings.vatType());
        body.put("name", name);
        body.put("amount", Map.of("amount", amount, "currency", currency));
        String json = CanonicalJson.write(body);
        String operation = "POST /finance/v1/folio-actions/{folioId}/charges";
        VendorHttpResponse response = authorized(() -> {
            HttpPost post = new HttpPost(settings.apiUrl() + "/finance/v1/folio-actions/"
                    + URLEncoder.encode(folioId, StandardCharsets.UTF_8) + "/charges");
            post.setHeader("Idempotency-Key", idempotencyKey);
            post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
            return post;
        }, operation);
        if (response.body().isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(json(response, operation).path("id").asText(null));
    }

    private interface RequestFactory {
        org.apache.hc.core5.http.ClassicHttpRequest create();
    }

    /** Sends with the bearer token; on 401 fetches a new token once and repeats. Non-2xx throws. */
    private VendorHttpResponse authorized(RequestFactory factory, String operation) {
        for (int attempt = 1; ; attempt++) {
            org.apache.hc.core5.http.ClassicHttpRequest request = factory.create();
            request.setHeader("Authorization", "Bearer " + token());
            request.setHeader("Accept", "application/json");
            VendorHttpResponse response = http.send(request, operation);
            if (response.status() == 401 && attempt == 1) {
                tokenValidUntil = Instant.EPOCH;
                continue;
            }
            if (!response.successful()) {
                throw http.statusFailure(operation, response).vendorMessage(message(response)).build();
            }
            return response;
        }
    }

    private String token() {
        if (token != null && clock.instant().isBefore(tokenValidUntil)) {
            return token;
        }
        String operation = "POST /connect/token";
        HttpPost post = new HttpPost(settings.identityUrl() + "/connect/token");
        String basic = Base64.getEncoder().encodeToString((settings.clientId() + ":" + settings.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        post.setHeader("Authorization", "Basic " + basic);
        post.setEntity(new StringEntity("grant_type=client_credentials", ContentType.APPLICATION_FORM_URLENCODED));
        VendorHttpResponse response = http.send(post, operation);
        if (!response.successful()) {
            throw http.statusFailure(operation, response)
                    .kind(response.status() == 400 || response.status() == 401 ? Kind.AUTHENTICATION
                            : VendorHttp.kindOf(response.status()))
                    .vendorMessage(message(response))
                    .build();
        }
        JsonNode body = json(response, operation);
        String accessToken = body.path("access_token").asText(null);
        if (accessToken == null || accessToken.isBlank()) {
            throw VendorApiException.of(VENDOR, operation, Kind.MALFORMED_RESPONSE)
                    .httpStatus(response.status())
                    .detail("no access_token in the token answer")
                    .build();
        }
        long expiresIn = body.path("expires_in").asLong(3600);
        token = accessToken;
        tokenValidUntil = clock.instant().plusSeconds(Math.max(0, expiresIn - Math.min(60, expiresIn / 2)));
        return token;
    }

    private static JsonNode json(VendorHttpResponse response, String operation) {
        try {
            JsonNode node = CanonicalJson.MAPPER.readTree(response.body());
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return node;
        } catch (Exception e) {
            throw VendorApiException.of(VENDOR, operation, Kind.MALFORMED_RESPONSE)
                    .httpStatus(response.status())
                    .detail("the answer is not a JSON object")
                    .build();
        }
    }

    /** Apaleo's error text: {@code messages[]} (validation), else {@code error_description} / {@code message}. */
    private static String message(VendorHttpResponse response) {
        try {
            JsonNode node = CanonicalJson.MAPPER.readTree(response.body());
            if (node == null) {
                return null;
            }
            if (node.path("messages").isArray() && !node.path("messages").isEmpty()) {
                return node.path("messages").get(0).asText();
            }
            for (String field : new String[] {"error_description", "message", "error"}) {
                if (node.hasNonNull(field)) {
                    return node.get(field).asText();
                }
            }
        } catch (Exception ignored) {
            // not JSON: no message
        }
        return null;
    }

    @Override
    public void close() {
        http.close();
    }
}
