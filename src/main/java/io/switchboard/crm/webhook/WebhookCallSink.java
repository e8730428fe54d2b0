package io.switchboard.crm.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.call.CanonicalJson;
import io.switchboard.crm.CallTemplate;
import io.switchboard.crm.DryRunRecorder;
import io.switchboard.feed.FeedHeaders;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import io.switchboard.vendor.api.VendorHttp;
import io.switchboard.vendor.api.VendorHttpResponse;
import io.switchboard.vendor.api.VendorHttpSettings;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * The generic signed webhook sink ({@code connectors/crm/webhook-call-sink.kamelet.yaml}): POSTs
 * one JSON body per delivered call change, built from {@link CallTemplate}, signed with
 * {@link WebhookSignature}, keyed by an {@code Idempotency-Key}.
 *
 * <p>Headers sent: {@code Content-Type: application/json}, {@code Idempotency-Key:
 * <callId>:<feedSeq>} (the same on every retry and replay of that change), {@code
 * X-Switchboard-Call-Id}, {@code X-Switchboard-Call-State}, {@code X-Switchboard-Timestamp} and the
 * signature header. Answers: 2xx delivered; 408, 425, 429 and 5xx retried (honouring
 * {@code Retry-After}), since the receiver dedupes by {@code Idempotency-Key}; 401/403 and other 4xx
 * are not retryable (DEAD at once, replay after fixing the receiver or the template).
 *
 * <p>One instance per Kamelet use (a Kamelet local bean); configured through its setters.
 */
public class WebhookCallSink implements Processor, AutoCloseable {

    public static final String TIMESTAMP_HEADER = "X-Switchboard-Timestamp";
    public static final String CALL_ID_HEADER = "X-Switchboard-Call-Id";
    public static final String CALL_STATE_HEADER = "X-Switchboard-Call-State";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    static final String VENDOR = "webhook";

    private final Clock clock;
    private String url;
    private String secret;
    private String signatureHeader = "X-Switchboard-Signature";
    private String bodyTemplate = "";
    private long timeout = 10_000;
    private int maxConnections = 50;
    private boolean dryRun;

    private volatile Prepared prepared;

    public WebhookCallSink() {
        this(Clock.systemUTC());
    }

    WebhookCallSink(Clock clock) {
        this.clock = clock;
    }

    /** What the setters configured, checked and built once. */
    private record Prepared(URI target, String operation, CallTemplate template, VendorHttp http, DryRunRecorder dryRuns) {}

    @Override
    public void process(Exchange exchange) throws Exception {
        Prepared p = prepared(exchange);
        Request request;
        try {
            request = request(exchange.getMessage().getBody(String.class),
                    exchange.getMessage().getHeader(FeedHeaders.CALL_ID, String.class),
                    exchange.getMessage().getHeader(FeedHeaders.CALL_STATE, String.class),
                    exchange.getMessage().getHeader(FeedHeaders.FEED_SEQ, Long.class),
                    p.template());
        } catch (IOException | RuntimeException e) {
            throw VendorApiException.of(VENDOR, "render body", Kind.REJECTED)
                    .detail("the message body is not a canonical call: " + e.getClass().getSimpleName())
                    .cause(e)
                    .build();
        }
        if (dryRun) {
            p.dryRuns().record(exchange, VENDOR, "POST", url, request.headers(), request.body());
            return;
        }
        VendorHttpResponse response = p.http().send(post(p.target(), request), p.operation());
        if (!response.successful()) {
            throw failure(p, response);
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, response.status());
        exchange.getMessage().setBody(response.body());
    }

    /** The body and headers of one attempt. */
    record Request(String body, Map<String, String> headers) {}

    Request request(String callJson, String callId, String state, Long feedSeq, CallTemplate template) throws IOException {
        JsonNode call = CanonicalJson.MAPPER.readTree(callJson);
        String body = template.render(call);
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (callId != null) {
            headers.put(IDEMPOTENCY_HEADER, feedSeq == null ? callId : callId + ":" + feedSeq);
            headers.put(CALL_ID_HEADER, callId);
        }
        if (state != null) {
            headers.put(CALL_STATE_HEADER, state);
        }
        headers.put(TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.put(signatureHeader, WebhookSignature.sign(secret, timestamp, body));
        return new Request(body, headers);
    }

    private static HttpPost post(URI target, Request request) {
        HttpPost post = new HttpPost(target);
        request.headers().forEach((name, value) -> {
            if (!name.equals("Content-Type")) {
                post.setHeader(name, value);
            }
        });
        post.setEntity(new StringEntity(request.body(), ContentType.APPLICATION_JSON));
        return post;
    }

    /** 5xx, 408 and 425 are retried too: the receiver dedupes by Idempotency-Key, so a repeat is harmless. */
    private static VendorApiException failure(Prepared p, VendorHttpResponse response) {
        int status = response.status();
        Kind kind = VendorHttp.kindOf(status);
        if (kind == Kind.VENDOR_ERROR || status == 408 || status == 425) {
            kind = Kind.UNAVAILABLE;
        }
        return p.http().statusFailure(p.operation(), response)
                .kind(kind)
                .vendorMessage(response.body())
                .build();
    }

    private Prepared prepared(Exchange exchange) {
        Prepared p = prepared;
        if (p == null) {
            synchronized (this) {
                p = prepared;
                if (p == null) {
                    try {
                        p = prepare(DryRunRecorder.in(exchange.getContext()));
                    } catch (IllegalArgumentException e) {
                        // A configuration mistake: no retry can help; DEAD now, replay after the fix.
                        throw VendorApiException.of(VENDOR, "configure", Kind.REJECTED).detail(e.getMessage()).build();
                    }
                    prepared = p;
                }
            }
        }
        return p;
    }

    Prepared prepare(DryRunRecorder dryRuns) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("webhook-call-sink: 'url' is required");
        }
        URI target = URI.create(url.strip());
        if (!"http".equalsIgnoreCase(target.getScheme()) && !"https".equalsIgnoreCase(target.getScheme())) {
            throw new IllegalArgumentException("webhook-call-sink: 'url' must be http(s), was " + target.getScheme());
        }
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("webhook-call-sink: 'secret' is required (the HMAC key)");
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new IllegalArgumentException("webhook-call-sink: 'signatureHeader' must not be empty");
        }
        CallTemplate template = CallTemplate.parse(bodyTemplate);
        Duration read = Duration.ofMillis(Math.max(1, timeout));
        Duration connect = read.compareTo(Duration.ofSeconds(5)) < 0 ? read : Duration.ofSeconds(5);
        VendorHttp http = dryRun ? null : new VendorHttp(VENDOR, new VendorHttpSettings(connect, read), clock, maxConnections);
        String operation = "POST " + target.getScheme() + "://" + target.getRawAuthority() + target.getRawPath();
        return new Prepared(target, operation, template, http, dryRuns);
    }

    @Override
    public void close() {
        Prepared p = prepared;
        if (p != null && p.http() != null) {
            p.http().close();
        }
    }

    public void setUrl(String url) { this.url = url; }
    public void setSecret(String secret) { this.secret = secret; }
    public void setSignatureHeader(String signatureHeader) { this.signatureHeader = signatureHeader; }
    public void setBodyTemplate(String bodyTemplate) { this.bodyTemplate = bodyTemplate; }
    public void setTimeout(long timeout) { this.timeout = timeout; }
    public void setMaxConnections(int maxConnections) { this.maxConnections = maxConnections; }
    public void setDryRun(boolean dryRun) { this.dryRun = dryRun; }

    @Override
    public String toString() {
        return "WebhookCallSink[" + url + ", dryRun=" + dryRun + "]"; // never the secret
    }
}
