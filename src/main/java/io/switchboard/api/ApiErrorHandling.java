package io.switchboard.api;

import io.switchboard.ingress.HttpReplies;
import io.switchboard.ingress.RejectedRequestException;
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
                .onException(Exception.class)
                .handled(true)
                .process(this::failed);
    }

    private void rejected(Exchange exchange) {
        RejectedRequestException e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, RejectedRequestException.class);
        HttpReplies.json(exchange, e.status(), HttpReplies.error(e.status(), e.code(), e.getMessage()));
    }

    private void failed(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.error("API request failed", e);
        HttpReplies.json(exchange, 500, HttpReplies.error(500, "internal_error", "Unexpected error"));
    }
}
