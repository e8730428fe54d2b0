package io.switchboard.vendor.telphin.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import io.switchboard.vendor.api.VendorHttp;
import io.switchboard.vendor.api.VendorHttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * Telphin REST API client (API version 1.0) with OAuth2 client credentials.
 *
 * <p>Each call sends {@code Authorization: Bearer <token>}; the token is cached (see
 * {@link TelphinTokens}). When the API answers 401 the token is dropped, a new one is fetched and the
 * call is sent once more; a second 401 is an {@code AUTHENTICATION} failure. Every failure is a
 * {@link VendorApiException} (vendor {@code telphin}, operation {@code METHOD /path}); messages never
 * contain the client secret, the token or subscription URLs. Thread-safe; close it to release its connections.
 */
public final class TelphinApiClient implements AutoCloseable {

    public static final String VENDOR = "telphin";
    /** Extension ids: numeric ids, or Telphin's {@code @name} / {@code prefix*ext} forms. */
    private static final Pattern EXTENSION_ID = Pattern.compile("[A-Za-z0-9@*._-]{1,64}");

    private final TelphinApiConfig config;
    private final VendorHttp http;
    private final TelphinTokens tokens;

    public TelphinApiClient(TelphinApiConfig config) {
        this(config, Clock.systemUTC());
    }

    public TelphinApiClient(TelphinApiConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = new VendorHttp(VENDOR, config.http(), clock);
        this.tokens = new TelphinTokens(config, http, clock);
    }

    /**
     * {@code POST /api/ver1.0/extension/{id}/callback/}: rings {@code src_num}, then connects to {@code dst_num}.
     *
     * @param extensionId the extension on whose behalf the call is made (id, or {@code @name})
     */
    public TelphinCallbackResult callback(String extensionId, TelphinCallbackRequest request) {
        String path = extensionPath(extensionId, "callback/");
        String operation = "POST " + path;
        ObjectNode body = TelphinJson.MAPPER.createObjectNode();
        body.put("dst_num", request.dstNum());
        request.srcNum().forEach(body.putArray("src_num")::add);
        if (request.callerIdName() != null) {
            body.put("caller_id_name", request.callerIdName());
        }
        if (request.callerIdNumber() != null) {
            body.put("caller_id_number", request.callerIdNumber());
        }
        if (request.waitForPickup() != null) {
            body.put("wait_for_pickup", request.waitForPickup());
        }
        JsonNode answer = exchange(operation, () -> post(path, body));
        String callApiId = TelphinJson.text(answer.get("call_api_id"))
                .orElseThrow(() -> malformed(operation, "no call_api_id in the answer"));
        return new TelphinCallbackResult(callApiId, TelphinJson.text(answer.get("call_id")).orElse(null));
    }

    /** {@code GET /api/ver1.0/extension/{id}/event/}: the extension's event subscriptions. */
    public List<TelphinEventSubscription> eventSubscriptions(String extensionId) {
        String path = extensionPath(extensionId, "event/");
        String operation = "GET " + path;
        JsonNode answer = exchange(operation, () -> new HttpGet(config.resolve(path)));
        if (!answer.isArray()) {
            throw malformed(operation, "the answer is not a list of subscriptions");
        }
        List<TelphinEventSubscription> subscriptions = new ArrayList<>();
        answer.forEach(item -> subscriptions.add(subscription(item)));
        return subscriptions;
    }

    /**
     * {@code POST /api/ver1.0/extension/{id}/event/} {@code {url, method, event_type}}: one subscription.
     *
     * @param method {@code GET} or {@code POST}: how Telphin sends the event fields
     */
    public TelphinEventSubscription subscribeEvent(String extensionId, String url, String method, String eventType) {
        String path = extensionPath(extensionId, "event/");
        String operation = "POST " + path;
        ObjectNode body = TelphinJson.MAPPER.createObjectNode()
                .put("url", Objects.requireNonNull(url, "url"))
                .put("method", Objects.requireNonNull(method, "method"))
                .put("event_type", Objects.requireNonNull(eventType, "eventType"));
        JsonNode answer = exchange(operation, () -> post(path, body));
        TelphinEventSubscription created = subscription(answer);
        if (created.id() == null) {
            throw malformed(operation, "no id in the created subscription");
        }
        return created;
    }

    /** Sends the request with a token; on 401 refreshes the token and sends a fresh copy once more. */
    private JsonNode exchange(String operation, Supplier<HttpUriRequestBase> request) {
        String token = tokens.get();
        VendorHttpResponse response = send(operation, request.get(), token);
        if (response.status() == HttpStatus.SC_UNAUTHORIZED) {
            tokens.invalidate(token);
            response = send(operation, request.get(), tokens.get());
        }
        if (!response.successful()) {
            throw TelphinJson.withVendorError(http.statusFailure(operation, response), response.body())
                    .build();
        }
        int status = response.status();
        return TelphinJson.parse(response.body())
                .orElseThrow(() -> malformed(operation, "the answer is not JSON", status));
    }

    private VendorHttpResponse send(String operation, HttpUriRequestBase request, String token) {
        request.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        request.setHeader(HttpHeaders.ACCEPT, "application/json");
        return http.send(request, operation);
    }

    private HttpPost post(String path, ObjectNode body) {
        HttpPost post = new HttpPost(config.resolve(path));
        try {
            post.setEntity(new ByteArrayEntity(TelphinJson.MAPPER.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Telphin request body cannot be written", e);
        }
        return post;
    }

    private static String extensionPath(String extensionId, String resource) {
        Objects.requireNonNull(extensionId, "extensionId");
        if (!EXTENSION_ID.matcher(extensionId).matches()) {
            throw new IllegalArgumentException("Telphin extension id has unexpected characters: '" + extensionId + "'");
        }
        return "/api/ver1.0/extension/" + extensionId + "/" + resource;
    }

    private static TelphinEventSubscription subscription(JsonNode item) {
        JsonNode id = item.get("id");
        return new TelphinEventSubscription(
                id != null && (id.isIntegralNumber() || id.asText().matches("[0-9]{1,18}")) ? id.asLong() : null,
                TelphinJson.text(item.get("url")).orElse(null),
                TelphinJson.text(item.get("method")).orElse(null),
                TelphinJson.text(item.get("event_type")).orElse(null));
    }

    private static VendorApiException malformed(String operation, String detail) {
        return malformed(operation, detail, 200);
    }

    private static VendorApiException malformed(String operation, String detail, int status) {
        return VendorApiException.of(VENDOR, operation, Kind.MALFORMED_RESPONSE)
                .httpStatus(status)
                .detail(detail)
                .build();
    }

    @Override
    public void close() {
        http.close();
    }
}
