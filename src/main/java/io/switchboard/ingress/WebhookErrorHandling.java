package io.switchboard.ingress;

import io.switchboard.inbox.InboxUnavailableException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Error handling of every webhook route, declared once: bad input becomes a 4xx JSON error, a
 * journal outage a 503 the vendor retries, anything else a 500 without details. Nothing from the
 * request (tokens, signatures) is logged or echoed.
 */
@Component
class WebhookErrorHandling extends RouteConfigurationBuilder {

    static final String VENDOR = "switchboardVendor";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookErrorHandling.class);

    private final IngressMetrics metrics;

    WebhookErrorHandling(IngressMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void configuration() {
        routeConfiguration(WebhookRoutes.ERRORS)
                .onException(RejectedRequestException.class)
                .handled(true)
                .process(this::rejected)
                .end()
                .onException(InboxUnavailableException.class)
                .handled(true)
                .process(this::unavailable)
                .end()
                .onException(Exception.class)
                .handled(true)
                .process(this::failed);
    }

    private void rejected(Exchange exchange) {
        RejectedRequestException e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, RejectedRequestException.class);
        String vendor = exchange.getProperty(VENDOR, "unknown", String.class);
        metrics.rejected(vendor, e.code(), e.status());
        LOG.warn("Rejected {} request: {} {} - {}", vendor, e.status(), e.code(), e.getMessage());
        HttpReplies.json(exchange, e.status(), HttpReplies.error(e.status(), e.code(), e.getMessage()));
    }

    private void unavailable(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String vendor = exchange.getProperty(VENDOR, "unknown", String.class);
        metrics.rejected(vendor, "unavailable", 503);
        LOG.error("Could not store {} request: {}", vendor, e.getMessage());
        HttpReplies.json(exchange, 503, HttpReplies.error(503, "unavailable", "The hub cannot store events right now; retry later"));
        exchange.getMessage().setHeader("Retry-After", "5");
    }

    private void failed(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String vendor = exchange.getProperty(VENDOR, "unknown", String.class);
        metrics.rejected(vendor, "internal_error", 500);
        LOG.error("Unexpected failure handling a {} request", vendor, e);
        HttpReplies.json(exchange, 500, HttpReplies.error(500, "internal_error", "Unexpected error; the event was not stored"));
    }
}
