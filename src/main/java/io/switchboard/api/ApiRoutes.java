package io.switchboard.api;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.springframework.stereotype.Component;

/**
 * The query API as a Camel REST DSL; its OpenAPI document is served at {@code /api/v1/openapi.json}.
 * Replies are written by {@link CallQueryApi}; errors by the {@code api-errors} configuration.
 */
@Component
class ApiRoutes extends RouteBuilder {

    static final String ERRORS = "api-errors";

    @Override
    public void configure() {
        restConfiguration()
                .component("platform-http")
                .bindingMode(RestBindingMode.off)
                .apiContextPath("/api/v1/openapi.json")
                .apiProperty("api.title", "Switchboard hub API")
                .apiProperty("api.version", "1")
                .apiProperty("api.description", "Canonical calls and events recorded from every telephony vendor");

        rest("/api/v1")
                .get("/calls")
                .id("api-calls-search-rest")
                .description("Calls, newest first. Filters: vendor, line, number (matches from or to, any format),"
                        + " state, outcome, since, until (ISO-8601 UTC, on startedAt); paging: offset, limit (1-500)")
                .produces("application/json")
                .param().name("vendor").type(org.apache.camel.model.rest.RestParamType.query).required(false).endParam()
                .param().name("line").type(org.apache.camel.model.rest.RestParamType.query).required(false).endParam()
                .param().name("number").type(org.apache.camel.model.rest.RestParamType.query).required(false).endParam()
                .param().name("state").type(org.apache.camel.model.rest.RestParamType.query).required(false)
                        .allowableValues("RINGING", "ANSWERED", "ENDED").endParam()
                .param().name("outcome").type(org.apache.camel.model.rest.RestParamType.query).required(false)
                        .allowableValues("ANSWERED", "MISSED", "NO_ANSWER", "BUSY", "CANCELLED", "FAILED").endParam()
                .param().name("since").type(org.apache.camel.model.rest.RestParamType.query).required(false).endParam()
                .param().name("until").type(org.apache.camel.model.rest.RestParamType.query).required(false).endParam()
                .param().name("offset").type(org.apache.camel.model.rest.RestParamType.query).required(false).endParam()
                .param().name("limit").type(org.apache.camel.model.rest.RestParamType.query).required(false).endParam()
                .to("direct:api-calls-search")
                .get("/calls/{id}")
                .id("api-call-get-rest")
                .description("One call with its events (each with its vendor type, time and raw payload id)")
                .produces("application/json")
                .to("direct:api-call-get")
                .get("/events")
                .id("api-events-search-rest")
                .description("Canonical events, newest first, including events that are not about a call."
                        + " Filters: vendor, callId, type (vendor event type), since, until; paging: offset, limit")
                .produces("application/json")
                .to("direct:api-events-search");

        from("direct:api-calls-search").routeId("api-calls-search").routeConfigurationId(ERRORS)
                .to("bean:callQueryApi?method=searchCalls");
        from("direct:api-call-get").routeId("api-call-get").routeConfigurationId(ERRORS)
                .to("bean:callQueryApi?method=getCall");
        from("direct:api-events-search").routeId("api-events-search").routeConfigurationId(ERRORS)
                .to("bean:callQueryApi?method=searchEvents");
    }
}
