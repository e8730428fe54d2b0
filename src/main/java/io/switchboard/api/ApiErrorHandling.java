package io.switchboard.api;

import io.switchboard.http.UnreadableBody;
import io.switchboard.ingress.HttpReplies;
import io.switchboard.ingress.RejectedRequestException;
import io.switchboard.vendor.api.VendorApiException;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Error handling of the API routes, declared once: 4xx JSON for bad requests, 500 without details. */
@Component
class ApiErrorHandling extends RouteConfigurationBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorHandling.class);

    @Override
    public void configuration() {
        routeConfiguration(ApiRoutes.ERRORS)
                .onException(RejectedRequestException.class)
                .handled(true)
                .process(this::rejected)
                .end()
                .onException(VendorApiException.class)
                .handled(true)
                .process(this::vendorFailed)
                .end()
                .onException(Exception.class)
                .handled(true)
                .process(this::failed);
    }

    private void rejected(Exchange exchange) {
        RejectedRequestException e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, RejectedRequestException.class);
        HttpReplies.json(exchange, e.status(), HttpReplies.error(e.status(), e.code(), e.getMessage()));
    }

    /**
     * A vendor (or CRM) API refused or failed: 502 with the vendor's message, 504 when it did not
     * answer in time; {@code Retry-After} when the vendor gave one.
     */
    private void vendorFailed(Exchange exchange) {
        VendorApiException e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, VendorApiException.class);
        LOG.warn("Vendor API call failed: {}", e.getMessage());
        int status = e.kind() == VendorApiException.Kind.TIMEOUT ? 504 : 502;
        Map<String, Object> body = HttpReplies.error(status, "vendor_" + e.kind().name().toLowerCase(Locale.ROOT), e.getMessage());
        body.put("vendor", e.vendor());
        body.put("retryable", e.retryable());
        e.vendorCode().ifPresent(code -> body.put("vendorCode", code));
        e.vendorMessage().ifPresent(message -> body.put("vendorMessage", message));
        HttpReplies.json(exchange, status, body);
        e.retryAfter().ifPresent(wait -> exchange.getMessage().setHeader("Retry-After", Math.max(1, wait.toSeconds())));
    }

    private void failed(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (UnreadableBody.is(e)) {
            LOG.info("Refused API request: unreadable body ({})", e.getClass().getSimpleName());
            HttpReplies.json(exchange, 400, HttpReplies.error(400, UnreadableBody.CODE, UnreadableBody.message(e)));
            return;
        }
        LOG.error("API request failed", e);
        HttpReplies.json(exchange, 500, HttpReplies.error(500, "internal_error", "Unexpected error"));
    }
}
