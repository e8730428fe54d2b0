package io.switchboard.api;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

/**
 * The deliveries API (scope {@code admin}) as REST DSL next to {@link ApiRoutes}: list deliveries,
 * replay them, see what dry-run sinks would have written. Replies by {@link DeliveryApi}; errors by
 * the {@code api-errors} configuration.
 */
@Component
class DeliveryApiRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest("/api/v1")
                .get("/deliveries")
                .id("api-deliveries-search-rest")
                .description("Deliveries of the call-event source (one per call change and subscription), newest first."
                        + " Filters: status (DEAD for failed ones), subscription, callId, since (ISO-8601 UTC, on"
                        + " creation); paging: offset, limit (1-500). Each has attempts, lastError, nextAttemptAt. Scope admin")
                .produces("application/json")
                .param().name("status").type(RestParamType.query).required(false)
                        .allowableValues("PENDING", "DELIVERED", "DEAD").endParam()
                .param().name("subscription").type(RestParamType.query).required(false).endParam()
                .param().name("callId").type(RestParamType.query).required(false).endParam()
                .param().name("since").type(RestParamType.query).required(false).endParam()
                .param().name("offset").type(RestParamType.query).required(false).endParam()
                .param().name("limit").type(RestParamType.query).required(false).endParam()
                .to("direct:api-deliveries-search")
                .post("/deliveries/{id}/replay")
                .id("api-delivery-replay-rest")
                .description("Queues one delivery again (whatever its status): PENDING, due now, attempts reset."
                        + " 404 when there is no such delivery. Scope admin")
                .produces("application/json")
                .param().name("id").type(RestParamType.path).required(true).dataType("integer").endParam()
                .to("direct:api-delivery-replay")
                .post("/deliveries/replay")
                .id("api-deliveries-replay-rest")
                .description("Queues again the DEAD and DELIVERED deliveries of a subscription, of one call"
                        + " ({\"subscription\": \"...\", \"callId\": \"...\"}) or created since a time"
                        + " ({\"subscription\": \"...\", \"since\": \"2026-11-23T10:00:00Z\"}); optional \"status\":"
                        + " \"DEAD\" or \"DELIVERED\" narrows it. Answers {\"replayed\": n}. Scope admin")
                .consumes("application/json")
                .produces("application/json")
                .to("direct:api-deliveries-replay")
                .get("/dry-runs")
                .id("api-dry-runs-rest")
                .description("What CRM sinks in dry-run mode would have written (newest first, the last 200 kept in"
                        + " memory): sink, call, target, headers (secrets masked), body. Scope admin")
                .produces("application/json")
                .param().name("limit").type(RestParamType.query).required(false).endParam()
                .to("direct:api-dry-runs");

        from("direct:api-deliveries-search").routeId("api-deliveries-search").routeConfigurationId(ApiRoutes.ERRORS)
                .to("bean:deliveryApi?method=list");
        from("direct:api-delivery-replay").routeId("api-delivery-replay").routeConfigurationId(ApiRoutes.ERRORS)
                .to("bean:deliveryApi?method=replayOne");
        from("direct:api-deliveries-replay").routeId("api-deliveries-replay").routeConfigurationId(ApiRoutes.ERRORS)
                .to("bean:deliveryApi?method=replay");
        from("direct:api-dry-runs").routeId("api-dry-runs").routeConfigurationId(ApiRoutes.ERRORS)
                .to("bean:deliveryApi?method=dryRuns");
    }
}
