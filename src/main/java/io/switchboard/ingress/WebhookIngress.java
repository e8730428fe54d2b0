package io.switchboard.ingress;

import io.switchboard.call.CallEvent;
import io.switchboard.config.Source;
import io.switchboard.config.SwitchboardProperties;
import io.switchboard.inbox.InboxUnavailableException;
import io.switchboard.inbox.InboxWriter;
import io.switchboard.journal.JournalLimits;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What every vendor webhook route does: read the request, authenticate it, check it translates,
 * commit it to the inbox, and only then answer 200. Translation into the journal follows
 * asynchronously ({@code InboxProcessor}).
 */
@Component("webhookIngress")
public class WebhookIngress {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookIngress.class);

    /** Request headers worth keeping with the raw request (never credentials). */
    static final List<String> KEPT_HEADERS =
            List.of("x-callr-eventid", "x-callr-hmacsignature", "timestamp", "appid", "sign", "user-agent");

    private static final long COMMIT_TIMEOUT_SECONDS = 10;

    private final Dialects dialects;
    private final Sources sources;
    private final InboxWriter inbox;
    private final IngressMetrics metrics;
    private final Clock clock;
    private final int maxBodyBytes;

    WebhookIngress(
            Dialects dialects,
            Sources sources,
            InboxWriter inbox,
            IngressMetrics metrics,
            Clock clock,
            SwitchboardProperties properties) {
        this.dialects = dialects;
        this.sources = sources;
        this.inbox = inbox;
        this.metrics = metrics;
        this.clock = clock;
        this.maxBodyBytes = properties.ingress().maxBodyBytes();
    }

    /** Camel entry point: the {@code <vendor>-…-accept} processor of each webhook route ({@code WebhookRoutes}). */
    public void accept(Exchange exchange, String vendor) {
        VendorDialect dialect = dialects.get(vendor);
        InboundRequest request = read(exchange, vendor);
        Source source = dialect.authenticate(request, exchange.getMessage().getHeader("token", String.class), sources);
        InboundRequest authenticated = request.withSource(source.id());
        List<CallEvent> events = validate(dialect, authenticated, source);
        commit(authenticated, events);
        metrics.accepted(vendor);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "accepted");
        body.put("events", events.size());
        HttpReplies.json(exchange, 200, body);
    }

    /**
     * A request that arrived another way than a Camel HTTP route (a message on the Keyyo CTI relay
     * websocket): the same authentication, validation and commit as {@link #accept}.
     *
     * @return how many events it holds; the request is committed to the inbox when this returns
     * @throws RejectedRequestException when the token or the body is refused (nothing stored)
     */
    public int acceptMessage(String vendor, String pathToken, String contentType, byte[] body) {
        VendorDialect dialect = dialects.get(vendor);
        if (body != null && body.length > maxBodyBytes) {
            throw tooLarge();
        }
        InboundRequest request = new InboundRequest(vendor, null, "POST", null, contentType, body, Map.of(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), null);
        Source source = dialect.authenticate(request, pathToken, sources);
        InboundRequest authenticated = request.withSource(source.id());
        List<CallEvent> events = validate(dialect, authenticated, source);
        commit(authenticated, events);
        metrics.accepted(vendor);
        return events.size();
    }

    private InboundRequest read(Exchange exchange, String vendor) {
        Message in = exchange.getMessage();
        byte[] body = guardedBody(in);
        if (body == null) {
            // Not through WebhookRequestGuard (a route test, another consumer): Camel's body.
            Long declared = in.getHeader(Exchange.CONTENT_LENGTH, Long.class);
            if (declared != null && declared > maxBodyBytes) {
                throw tooLarge();
            }
            body = in.getBody(byte[].class);
        }
        if (body != null && body.length > maxBodyBytes) {
            throw tooLarge();
        }
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType != null && contentType.length() > JournalLimits.CONTENT_TYPE) {
            throw RejectedRequestException.badRequest("content_type_too_long",
                    "The Content-Type header is longer than " + JournalLimits.CONTENT_TYPE + " characters ("
                            + contentType.length() + ")");
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            Object value = in.getHeader(name); // Camel's headers ignore case
            if (value != null) {
                kept.put(name, value.toString());
            }
        }
        return new InboundRequest(
                vendor,
                null,
                in.getHeader(Exchange.HTTP_METHOD, "GET", String.class),
                in.getHeader(Exchange.HTTP_QUERY, String.class),
                contentType,
                body,
                kept,
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                null);
    }

    /**
     * The body {@link WebhookRequestGuard} already read and checked, when the message is a
     * platform-http request it passed. Asking Camel's message for {@code byte[]} instead would read
     * the reader Camel took from the request into a String and convert that back to bytes.
     */
    private static byte[] guardedBody(Message in) {
        return in instanceof PlatformHttpMessage http
                        && http.getRequest() != null
                        && http.getRequest().getAttribute(WebhookRequestGuard.BODY_ATTRIBUTE) instanceof byte[] body
                ? body
                : null;
    }

    private RejectedRequestException tooLarge() {
        return new RejectedRequestException(
                413, "payload_too_large", "Request body is larger than " + maxBodyBytes + " bytes");
    }

    /** Translating before storing is what lets bad input get a 400 instead of a silent loss. */
    private List<CallEvent> validate(VendorDialect dialect, InboundRequest request, Source source) {
        List<CallEvent> events;
        try {
            events = dialect.translate(request, source);
        } catch (RejectedRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("{} payload from source {} could not be translated: {}", request.vendor(), source.id(), e.toString());
            throw RejectedRequestException.badRequest(
                    "unreadable_payload", "The request could not be read as a " + request.vendor() + " event");
        }
        for (CallEvent event : events) {
            JournalLimits.problem(event).ifPresent(problem -> {
                throw RejectedRequestException.badRequest(problem.code(), problem.message());
            });
        }
        return events;
    }

    private void commit(InboundRequest request, List<CallEvent> events) {
        try {
            inbox.append(request, events).get(COMMIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InboxUnavailableException("interrupted while storing the event");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof InboxUnavailableException u ? u : new InboxUnavailableException("storage failed");
        } catch (TimeoutException e) {
            throw new InboxUnavailableException("storing the event timed out");
        }
    }
}
