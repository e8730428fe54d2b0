package io.switchboard.vendor.callr.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import io.switchboard.vendor.api.VendorHttp;
import io.switchboard.vendor.api.VendorHttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * CALLR JSON-RPC 2.0 client: {@code POST {baseUrl}/json-rpc/v1.1/} with
 * {@code Content-Type: application/json-rpc; charset=utf-8} and the envelope
 * {@code {"id":n,"jsonrpc":"2.0","method":..,"params":[..]}}.
 *
 * <p>Every failure is a {@link VendorApiException} (vendor {@code callr}, operation = JSON-RPC method):
 * HTTP errors are classified by status, a JSON-RPC {@code error} object becomes {@code REJECTED}
 * with CALLR's code and message, an answer without {@code result} is {@code MALFORMED_RESPONSE}.
 * Thread-safe; close it to release its connections.
 */
public final class CallrApiClient implements AutoCloseable {

    public static final String VENDOR = "callr";
    static final String CONTENT_TYPE = "application/json-rpc; charset=utf-8";
    static final String LOGIN_AS_HEADER = "CALLR-Login-As";
    static final String WEBHOOK_LIST_METHOD = "webhooks.get_list";
    private static final int WEBHOOK_PAGE = 100;
    private static final int MAX_WEBHOOK_PAGES = 50;

    private final CallrApiConfig config;
    private final VendorHttp http;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong ids = new AtomicLong();

    public CallrApiClient(CallrApiConfig config) {
        this(config, Clock.systemUTC());
    }

    public CallrApiClient(CallrApiConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = new VendorHttp(VENDOR, config.http(), clock);
    }

    /**
     * Calls any JSON-RPC method and returns its {@code result} (may be a JSON null).
     *
     * @param params positional parameters; maps, lists, records of simple values and nulls are written as JSON
     */
    public JsonNode call(String method, List<?> params) {
        long id = ids.incrementAndGet();
        HttpPost post = new HttpPost(config.endpoint());
        post.setHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE);
        post.setHeader(HttpHeaders.ACCEPT, "application/json");
        post.setHeader(HttpHeaders.AUTHORIZATION, config.credentials().authorizationHeader());
        if (config.loginAs() != null) {
            post.setHeader(LOGIN_AS_HEADER, "User.login " + config.loginAs());
        }
        post.setEntity(new ByteArrayEntity(envelope(id, method, params), null));
        return result(method, id, http.send(post, method));
    }

    /**
     * {@code apps.create [package, name, null]}: creates a voice app with default parameters.
     *
     * @return the app hash
     */
    public String createApp(String packageName, String name) {
        JsonNode app = call("apps.create", Arrays.asList(packageName, name, null));
        return text(app.path("hash")).orElseThrow(() -> malformed("apps.create", "no app hash in the result"));
    }

    /**
     * {@code clicktocall/calls.start_2 [app_hash, a_targets, b_targets, options]}: CALLR calls the A
     * targets, then, once A answers, the B targets, and bridges them.
     *
     * @return the click-to-call hash
     */
    public String startClickToCall(
            String appHash, List<CallrTarget> aTargets, List<CallrTarget> bTargets, CallrStartOptions options) {
        String method = "clicktocall/calls.start_2";
        JsonNode result = call(method, Arrays.asList(appHash, targets(aTargets), targets(bTargets), options(options)));
        Optional<String> hash = result.isObject() ? text(result.path("hash")) : text(result);
        return hash.orElseThrow(() -> malformed(method, "no call hash in the result"));
    }

    /** {@code clicktocall/calls.get_status [call_hash]}: where the click-to-call stands. */
    public CallrClickToCallStatus getClickToCallStatus(String callHash) {
        String method = "clicktocall/calls.get_status";
        JsonNode call = call(method, List.of(callHash));
        if (!call.isObject()) {
            throw malformed(method, "the result is not a click-to-call object");
        }
        return new CallrClickToCallStatus(
                text(call.path("hash")).orElseThrow(() -> malformed(method, "no hash in the result")),
                party(call.path("a_status")),
                party(call.path("b_status")),
                text(call.path("cli")).orElse(null),
                text(call.path("cdr_field")).orElse(null),
                text(call.path("date_creation")).orElse(null),
                text(call.path("date_started")).orElse(null),
                text(call.path("date_update")).orElse(null));
    }

    /**
     * {@code clicktocall/calls.cancel [call_hash]}: cancels a scheduled or running click-to-call.
     *
     * @return CALLR's boolean answer (a non-boolean, non-null result counts as true)
     */
    public boolean cancelClickToCall(String callHash) {
        JsonNode result = call("clicktocall/calls.cancel", List.of(callHash));
        return result.isBoolean() ? result.booleanValue() : !result.isNull();
    }

    /**
     * {@code webhooks.subscribe [type, endpoint, {format:"JSON", hmac_algo, hmac_secret}]}.
     *
     * @return the created webhook
     */
    public CallrWebhook subscribeWebhook(String type, String endpoint, CallrWebhookOptions options) {
        ObjectNode hookOptions = json.createObjectNode()
                .put("format", "JSON")
                .put("hmac_algo", options.hmacAlgo())
                .put("hmac_secret", options.hmacSecret());
        JsonNode hook = call("webhooks.subscribe", Arrays.asList(type, endpoint, hookOptions));
        return webhook(hook).orElseThrow(() -> malformed("webhooks.subscribe", "no webhook hash in the result"));
    }

    /**
     * {@code webhooks.get_list [{offset, quantity}]}, page by page: the account's webhooks. Reads a
     * {@code Search.Results} object ({@code hits}, {@code has_more}) or a plain array.
     */
    public List<CallrWebhook> listWebhooks() {
        List<CallrWebhook> hooks = new ArrayList<>();
        for (int page = 0; page < MAX_WEBHOOK_PAGES; page++) {
            ObjectNode search = json.createObjectNode().put("offset", hooks.size()).put("quantity", WEBHOOK_PAGE);
            JsonNode result = call(WEBHOOK_LIST_METHOD, List.of(search));
            JsonNode hits = result.isArray() ? result : result.path("hits");
            if (!hits.isArray()) {
                throw malformed(WEBHOOK_LIST_METHOD, "no list of webhooks in the result");
            }
            hits.forEach(hit -> webhook(hit).ifPresent(hooks::add));
            if (result.isArray() || !result.path("has_more").asBoolean(false) || hits.isEmpty()) {
                return hooks;
            }
        }
        return hooks;
    }

    private byte[] envelope(long id, String method, List<?> params) {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("id", id);
        envelope.put("jsonrpc", "2.0");
        envelope.put("method", method);
        ArrayNode positional = envelope.putArray("params");
        params.forEach(param -> positional.add(param == null ? json.nullNode() : json.<JsonNode>valueToTree(param)));
        try {
            return json.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("CALLR parameters of " + method + " cannot be written as JSON", e);
        }
    }

    private JsonNode result(String method, long id, VendorHttpResponse response) {
        Optional<JsonNode> body = parse(response.body());
        Optional<JsonNode> error = body.map(node -> node.get("error")).filter(node -> !node.isNull());
        if (!response.successful()) {
            VendorApiException.Builder failure = http.statusFailure(method, response);
            error.ifPresent(e -> failure.vendorCode(codeOf(e)).vendorMessage(messageOf(e)));
            throw failure.build();
        }
        JsonNode answer = body.filter(JsonNode::isObject)
                .orElseThrow(() -> malformed(method, "the body is not a JSON-RPC object", response.status()));
        if (error.isPresent()) {
            throw VendorApiException.of(VENDOR, method, Kind.REJECTED)
                    .httpStatus(response.status())
                    .vendorCode(codeOf(error.get()))
                    .vendorMessage(messageOf(error.get()))
                    .build();
        }
        JsonNode answerId = answer.get("id");
        if (answerId != null && !answerId.isNull() && !answerId.asText().equals(Long.toString(id))) {
            throw malformed(method, "the answer id does not match the request id " + id, response.status());
        }
        if (!answer.has("result")) {
            throw malformed(method, "no result and no error in the answer", response.status());
        }
        return answer.get("result");
    }

    private Optional<JsonNode> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readTree(body));
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    private static String codeOf(JsonNode error) {
        return error.isObject() ? text(error.path("code")).orElse(null) : null;
    }

    private static String messageOf(JsonNode error) {
        return error.isObject() ? text(error.path("message")).orElse(null) : error.asText();
    }

    private ArrayNode targets(List<CallrTarget> targets) {
        if (targets == null || targets.isEmpty()) {
            throw new IllegalArgumentException("CALLR click-to-call needs at least one target on each side");
        }
        ArrayNode array = json.createArrayNode();
        targets.forEach(t -> array.addObject().put("number", t.number()).put("timeout", t.timeoutSeconds()));
        return array;
    }

    private ObjectNode options(CallrStartOptions options) {
        ObjectNode node = json.createObjectNode();
        CallrStartOptions given = options == null ? CallrStartOptions.none() : options;
        if (given.cli() != null) {
            node.put("cli", given.cli());
        }
        if (given.cdrField() != null) {
            node.put("cdr_field", given.cdrField());
        }
        if (given.schedule() != null) {
            node.put("schedule", given.schedule());
        }
        return node;
    }

    private static Optional<CallrPartyStatus> party(JsonNode status) {
        if (!status.isObject() || status.isEmpty()) {
            return Optional.empty();
        }
        JsonNode attempt = status.path("try");
        return Optional.of(new CallrPartyStatus(
                text(status.path("callid")).orElse(null),
                text(status.path("number")).orElse(null),
                text(status.path("status")).orElse(null),
                attempt.isNumber() ? attempt.intValue() : null));
    }

    private static Optional<CallrWebhook> webhook(JsonNode hook) {
        return text(hook.path("hash")).map(hash -> new CallrWebhook(
                hash,
                text(hook.path("type")).orElse(null),
                text(hook.path("endpoint")).orElse(null),
                text(hook.path("status")).orElse(null)));
    }

    private static Optional<String> text(JsonNode node) {
        return node == null || !node.isValueNode() || node.isNull() || node.asText().isEmpty()
                ? Optional.empty()
                : Optional.of(node.asText());
    }

    private static VendorApiException malformed(String method, String detail) {
        return malformed(method, detail, 200);
    }

    private static VendorApiException malformed(String method, String detail, int status) {
        return VendorApiException.of(VENDOR, method, Kind.MALFORMED_RESPONSE)
                .httpStatus(status)
                .detail(detail)
                .build();
    }

    @Override
    public void close() {
        http.close();
    }
}
