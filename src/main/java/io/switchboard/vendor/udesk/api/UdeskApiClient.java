package io.switchboard.vendor.udesk.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.vendor.api.RetryAfter;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import io.switchboard.vendor.api.VendorHttp;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.net.URIBuilder;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * udesk CTI Cloud server API ({@code https://<host>/ccapi/v2/<api>}): click-to-call
 * ({@code originatev2}), hold, resume and transfer of a call, message subscriptions, event
 * subscriptions and the call log.
 *
 * <p>Every request carries {@code Timestamp} (ms), {@code AppId}, {@code Sid} and
 * {@code Sign = SHA1(Sid + AuthToken + Timestamp)} in the query string; bodies are JSON. udesk
 * answers {@code {"ErrCode":"000000","ErrDesc":"OK","Result"|"results":…}} — the call-control
 * endpoints say {@code code}/{@code message} instead, both are read. Any other code, an HTTP error
 * or an unreadable answer is a {@link VendorApiException} with vendor {@code udesk}, udesk's
 * ErrCode as {@link VendorApiException#vendorCode()} and ErrDesc as
 * {@link VendorApiException#vendorMessage()}: an ErrCode other than {@link #SYSTEM_ERROR} is
 * {@link Kind#REJECTED} (on HTTP 2xx), {@code 000003} is {@link Kind#UNAVAILABLE}, a non-2xx
 * status without one is classified by {@link VendorHttp#kindOf(int)}, an unreadable 2xx is
 * {@link Kind#MALFORMED_RESPONSE}. Requests are sent once, never retried here.
 *
 * <p>Thread-safe; close it to release its connections.
 */
public class UdeskApiClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UdeskApiClient.class);

    public static final String VENDOR = "udesk";
    public static final String OK = "000000";
    /** udesk "System internal error": the only documented ErrCode worth retrying ({@link Kind#UNAVAILABLE}). */
    public static final String SYSTEM_ERROR = "000003";

    /** The call events the hub reads (see docs/vendors/udesk.md). */
    public static final List<String> CALL_EVENTS = List.of("begin", "start_dialout", "user_ringing", "agent_ringing",
            "user_answer", "agent_answer", "user_hangup", "agent_hangup", "hold_call", "transfer_agent_succ",
            "transfer_agent_fail", "record_stop", "end");

    /** Value for the callback fields udesk requires to be non-empty (on_succ, on_failed, …). */
    static final String CALLBACK_TAG = "switchboard";

    private static final String CONTENT_TYPE = "application/json;charset=utf-8";
    private static final int MAX_BODY = 8 * 1024 * 1024;
    private static final int MAX_PAGES = 10_000;

    private final UdeskApiSettings settings;
    private final Clock clock;
    private final ObjectMapper json;
    private final URI apiRoot;
    private final CloseableHttpClient http;

    public UdeskApiClient(UdeskApiSettings settings) {
        this(settings, Clock.systemUTC(), new ObjectMapper());
    }

    /** @param clock source of {@code Timestamp} (tests fix it to check {@code Sign}) */
    public UdeskApiClient(UdeskApiSettings settings, Clock clock, ObjectMapper json) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.json = Objects.requireNonNull(json, "json");
        this.apiRoot = apiRoot(settings.baseUrl());
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(Timeout.of(settings.responseTimeout()))
                                .build())
                        .setMaxConnTotal(20)
                        .setMaxConnPerRoute(20)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                        .build())
                .disableAutomaticRetries() // originatev2 must never be resent behind the caller's back
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("Switchboard")
                .build();
    }

    // ---- call control ------------------------------------------------------------------------

    /**
     * {@code POST originatev2}: rings the agent, then dials the called number.
     *
     * @return udesk's CallID of the new call ({@code results})
     */
    public String originate(UdeskOriginate call) {
        ObjectNode body = json.createObjectNode()
                .put("caller", call.caller())
                .put("called", call.called())
                .put("called_display", call.calledDisplay())
                .put("agent_id", call.agentId());
        if (!call.userData().isEmpty()) {
            ArrayNode userData = body.putArray("user_data");
            call.userData().forEach(item -> userData.addObject().put("evt", item.evt()).put("data", item.data()));
        }
        JsonNode reply = send("POST", "originatev2", body, "originatev2");
        String callId = text(result(reply));
        if (callId == null) {
            throw malformed("originatev2", 200, "no CallID in 'results'", null);
        }
        return callId;
    }

    /** {@code POST agent/hold}: puts the customer of {@code callId} on hold. */
    public void hold(String callId, String agentId) {
        send("POST", "agent/hold", holdBody(callId, agentId), "hold");
    }

    /** {@code DELETE agent/hold}: takes the customer of {@code callId} off hold. */
    public void resume(String callId, String agentId) {
        send("DELETE", "agent/hold", holdBody(callId, agentId), "resume");
    }

    /**
     * {@code POST transfer/agent}: transfers {@code callId} from {@code agentId} to a phone number
     * (udesk's "anonymous" agent).
     */
    public void transfer(String callId, String agentId, String phone) {
        ObjectNode body = callBody(callId, agentId)
                .put("agent_type", "anonymous")
                .put("agent_phone", requireText(phone, "phone"))
                .put("on_succ", CALLBACK_TAG)
                .put("on_failed", CALLBACK_TAG)
                .put("on_record_over", CALLBACK_TAG)
                .put("on_transferee_hangup", CALLBACK_TAG);
        send("POST", "transfer/agent", body, "transfer");
    }

    // ---- message subscriptions ---------------------------------------------------------------

    /** {@code GET subscriptions}: every message subscription of the application. */
    public List<UdeskSubscription> subscriptions() {
        JsonNode result = result(send("GET", "subscriptions", null, "list subscriptions"));
        List<UdeskSubscription> subscriptions = new ArrayList<>();
        if (result == null || result.isNull()) {
            return subscriptions;
        }
        if (!result.isArray()) {
            throw malformed("list subscriptions", 200, "'Result' is not an array", null);
        }
        result.forEach(node -> subscriptions.add(subscription(node)));
        return subscriptions;
    }

    /**
     * Creates {@code wanted} unless a subscription of the same name exists: safe to call at every
     * start. An existing one is never changed ({@link UdeskEnsuredSubscription#upToDate()} tells
     * whether it matches).
     *
     * @throws VendorApiException when udesk lists the subscription under {@code sub_fail}
     */
    public UdeskEnsuredSubscription ensureSubscription(UdeskSubscription wanted) {
        for (UdeskSubscription existing : subscriptions()) {
            if (wanted.name().equals(existing.name())) {
                boolean upToDate = existing.covers(wanted);
                if (!upToDate) {
                    LOG.warn("udesk subscription '{}' exists with another callback or fewer events; left unchanged",
                            wanted.name());
                }
                return new UdeskEnsuredSubscription(false, existing, upToDate);
            }
        }
        return new UdeskEnsuredSubscription(true, createSubscription(wanted), true);
    }

    /**
     * {@code POST subscriptions} with one subscription.
     *
     * @return the subscription with the id udesk gave it
     * @throws VendorApiException when udesk lists it under {@code sub_fail}
     */
    public UdeskSubscription createSubscription(UdeskSubscription subscription) {
        ObjectNode body = json.createObjectNode();
        ObjectNode item = body.putArray("subscriptions").addObject()
                .put("callback", subscription.callback())
                .put("name", subscription.name());
        ArrayNode events = item.putArray("events");
        subscription.events().forEach(events::add);
        JsonNode result = result(send("POST", "subscriptions", body, "create subscription"));
        if (result != null) {
            for (JsonNode succeeded : result.path("sub_succ")) {
                if (subscription.name().equals(text(succeeded.get("name"))) && succeeded.path("id").canConvertToLong()) {
                    return new UdeskSubscription(succeeded.path("id").asLong(), subscription.name(),
                            subscription.callback(), subscription.events(), null);
                }
            }
        }
        if (result != null && listsName(result.path("sub_fail"), subscription.name())) {
            throw VendorApiException.of(VENDOR, "create subscription", Kind.REJECTED).httpStatus(200)
                    .detail("subscription '" + subscription.name() + "' listed under sub_fail").build();
        }
        throw malformed("create subscription", 200,
                "subscription '" + subscription.name() + "' neither in sub_succ with an id nor in sub_fail", null);
    }

    /** Whether {@code list} names {@code name}, as a plain string or an object with a {@code name}. */
    private static boolean listsName(JsonNode list, String name) {
        for (JsonNode item : list) {
            if (name.equals(text(item)) || name.equals(text(item.get("name")))) {
                return true;
            }
        }
        return false;
    }

    /** {@code DELETE subscriptions/{id}}. */
    public void deleteSubscription(long id) {
        send("DELETE", "subscriptions/" + id, null, "delete subscription " + id);
    }

    // ---- event subscriptions (webhooks/events) -----------------------------------------------

    /** {@code PUT webhooks/events}: replaces the subscribed events, category → event names. */
    public void replaceEventSubscriptions(Map<String, List<String>> eventsByCategory) {
        send("PUT", "webhooks/events", eventsBody(eventsByCategory), "replace event subscriptions");
    }

    /** {@code POST webhooks/events}: adds events to the subscribed ones, category → event names. */
    public void addEventSubscriptions(Map<String, List<String>> eventsByCategory) {
        send("POST", "webhooks/events", eventsBody(eventsByCategory), "add event subscriptions");
    }

    /** {@code DELETE webhooks/events}: removes every subscribed event. */
    public void removeEventSubscriptions() {
        send("DELETE", "webhooks/events", null, "remove event subscriptions");
    }

    // ---- call log ------------------------------------------------------------------------------

    /** {@code GET calls/logs} (JSON body): one page of completed calls. */
    public UdeskCallLogPage callLogs(UdeskCallLogQuery query) {
        ObjectNode body = json.createObjectNode(); // udesk wants {} rather than no body
        if (query.callId() != null) {
            body.put("CallId", query.callId());
        }
        body.put("PageSize", query.pageSize()).put("PageNum", query.pageNum());
        if (query.start() != null) {
            body.put("StartTime", query.start().toEpochMilli());
        }
        if (query.end() != null) {
            body.put("EndTime", query.end().toEpochMilli());
        }
        JsonNode result = result(send("GET", "calls/logs", body, "call log"));
        JsonNode logs = result == null ? null : result.get("CallLogs");
        if (logs == null || logs.isNull()) {
            return new UdeskCallLogPage(query, List.of());
        }
        if (!logs.isArray()) {
            throw malformed("call log", 200, "'Result.CallLogs' is not an array", null);
        }
        List<JsonNode> records = new ArrayList<>();
        logs.forEach(records::add);
        return new UdeskCallLogPage(query, records);
    }

    /**
     * Every completed call that started between {@code start} and {@code end} (udesk keeps one
     * week), reading pages of 100 until a short page.
     */
    public List<JsonNode> completedCalls(Instant start, Instant end) {
        List<JsonNode> all = new ArrayList<>();
        UdeskCallLogQuery query = UdeskCallLogQuery.between(start, end);
        List<String> previousIds = null;
        for (int page = 1; page <= MAX_PAGES; page++) {
            UdeskCallLogPage result = callLogs(query.page(page));
            List<String> ids = result.records().stream().map(r -> r.path("CallId").asText()).toList();
            if (!ids.isEmpty() && ids.equals(previousIds)) {
                throw malformed("call log", 200, "page " + page + " repeats page " + (page - 1)
                        + " (PageNum ignored?)", null);
            }
            all.addAll(result.records());
            if (result.last()) {
                return all;
            }
            previousIds = ids;
        }
        throw malformed("call log", 200, "more than " + MAX_PAGES + " pages", null);
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }

    // ---- plumbing ------------------------------------------------------------------------------

    private ObjectNode holdBody(String callId, String agentId) {
        return callBody(callId, agentId).put("on_succ", CALLBACK_TAG).put("on_failed", CALLBACK_TAG);
    }

    private ObjectNode callBody(String callId, String agentId) {
        return json.createObjectNode()
                .put("call_id", requireText(callId, "callId"))
                .put("agent_id", requireText(agentId, "agentId"));
    }

    private ObjectNode eventsBody(Map<String, List<String>> eventsByCategory) {
        ObjectNode body = json.createObjectNode();
        ArrayNode events = body.putArray("Events");
        eventsByCategory.forEach((category, names) -> {
            ArrayNode allType = events.addObject().put("category", category).putArray("all_type");
            names.forEach(allType::add);
        });
        return body;
    }

    /** Sends one signed request and returns the reply envelope once its code is 000000. */
    JsonNode send(String method, String api, JsonNode body, String operation) {
        HttpUriRequestBase request = new HttpUriRequestBase(method, signedUri(api));
        request.setHeader(HttpHeaders.ACCEPT, "application/json");
        if (body != null) {
            request.setHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE); // as the udesk guide spells it
            request.setEntity(new StringEntity(body.toString(), ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        }
        Reply reply;
        try {
            reply = http.execute(request, UdeskApiClient::read);
        } catch (ConnectTimeoutException e) {
            throw noAnswer(operation, Kind.TIMEOUT, "connect timeout " + settings.connectTimeout().toMillis() + " ms", e);
        } catch (SocketTimeoutException e) {
            throw noAnswer(operation, Kind.TIMEOUT, "response timeout " + settings.responseTimeout().toMillis() + " ms", e);
        } catch (InterruptedIOException e) { // other timeouts (connection request …)
            throw noAnswer(operation, Kind.TIMEOUT, e.getClass().getSimpleName(), e);
        } catch (IOException e) { // connection refused, DNS, TLS, reset
            throw noAnswer(operation, Kind.UNREACHABLE, e.getClass().getSimpleName(), e);
        }
        return check(operation, reply);
    }

    private URI signedUri(String api) {
        String timestamp = timestamp();
        try {
            return new URIBuilder(apiRoot.resolve(api), StandardCharsets.UTF_8)
                    .addParameter("Timestamp", timestamp)
                    .addParameter("AppId", settings.appId())
                    .addParameter("Sid", settings.sid())
                    .addParameter("Sign", UdeskApiSignature.sign(settings.sid(), settings.authToken(), timestamp))
                    .build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Cannot build the udesk URL of " + api + ": " + e.getReason(), e);
        }
    }

    private String timestamp() {
        long millis = clock.millis();
        return Long.toString(settings.timestampInSeconds() ? millis / 1000 : millis);
    }

    private static Reply read(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        String body;
        try {
            body = entity == null ? "" : EntityUtils.toString(entity, StandardCharsets.UTF_8, MAX_BODY);
        } catch (ParseException e) {
            body = "";
        }
        Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
        return new Reply(response.getCode(), body, retryAfter == null ? null : retryAfter.getValue());
    }

    private JsonNode check(String operation, Reply reply) {
        boolean success = reply.status() / 100 == 2;
        if (reply.body().isBlank()) {
            if (success) {
                return json.createObjectNode(); // 204 No Content on DELETE
            }
            throw httpError(operation, reply, null, null);
        }
        JsonNode envelope;
        try {
            envelope = json.readTree(reply.body());
        } catch (JsonProcessingException e) {
            if (success) {
                throw malformed(operation, reply.status(), "not JSON", e);
            }
            throw httpError(operation, reply, null, null);
        }
        String code = envelope == null ? null : text(envelope.has("ErrCode") ? envelope.get("ErrCode") : envelope.get("code"));
        String description = envelope == null ? null
                : text(envelope.has("ErrDesc") ? envelope.get("ErrDesc") : envelope.get("message"));
        if (code == null) {
            if (success) {
                throw malformed(operation, reply.status(), "no ErrCode", null);
            }
            throw httpError(operation, reply, null, null);
        }
        if (!OK.equals(code) || !success) {
            throw httpError(operation, reply, code, description);
        }
        return envelope;
    }

    /**
     * udesk's own ErrCode decides first ({@code 000003} is worth retrying, any other is a refusal);
     * without one, the HTTP status decides.
     */
    private VendorApiException httpError(String operation, Reply reply, String code, String description) {
        int status = reply.status();
        Kind kind;
        if (SYSTEM_ERROR.equals(code)) {
            kind = Kind.UNAVAILABLE;
        } else if (status / 100 == 2) {
            kind = Kind.REJECTED; // an ErrCode other than 000000 on a 2xx
        } else {
            kind = VendorHttp.kindOf(status);
        }
        return VendorApiException.of(VENDOR, operation, kind)
                .httpStatus(status)
                .vendorCode(code)
                .vendorMessage(description)
                .retryAfter(RetryAfter.parse(reply.retryAfter(), clock).orElse(null))
                .build();
    }

    private static VendorApiException malformed(String operation, int status, String what, Throwable cause) {
        return VendorApiException.of(VENDOR, operation, Kind.MALFORMED_RESPONSE)
                .httpStatus(status)
                .detail(what)
                .cause(cause)
                .build();
    }

    private static VendorApiException noAnswer(String operation, Kind kind, String what, IOException cause) {
        return VendorApiException.of(VENDOR, operation, kind).detail(what).cause(cause).build();
    }

    private static JsonNode result(JsonNode envelope) {
        return envelope.has("Result") ? envelope.get("Result") : envelope.get("results");
    }

    private static UdeskSubscription subscription(JsonNode node) {
        JsonNode id = node.has("id") ? node.get("id") : node.get("SubId");
        List<String> events = new ArrayList<>();
        node.path("events").forEach(event -> events.add(event.asText()));
        JsonNode enable = node.get("enable");
        return new UdeskSubscription(id != null && id.canConvertToLong() ? id.asLong() : null, text(node.get("name")),
                text(node.get("callback")), events, enable == null || enable.isNull() ? null : enable.asBoolean());
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String text = node.asText();
        return text.isBlank() ? null : text;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("udesk " + name + " must not be blank");
        }
        return value;
    }

    private static URI apiRoot(URI baseUrl) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        if (!base.endsWith("/ccapi/v2")) {
            base = base + "/ccapi/v2";
        }
        return URI.create(base + "/");
    }

    private record Reply(int status, String body, String retryAfter) {}
}
