package io.switchboard.clicktocall;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/v1/click-to-call} (REST DSL; shares the API's OpenAPI document and error handling),
 * and the timer ending click-to-calls no vendor event confirmed ({@link UnconfirmedCallTimeout}).
 */
@Component
class ClickToCallRoutes extends RouteBuilder {

    private final ClickToCallProperties properties;

    ClickToCallRoutes(ClickToCallProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() {
        rest("/api/v1")
                .post("/click-to-call")
                .id("api-click-to-call-rest")
                .description("Starts a call: rings the calling line or agent, then the number. Body {\"line\" or"
                        + " \"agent\", \"number\" (E.164 or extension), \"displayName\"?, \"tag\"?}. Answers 202"
                        + " {id, vendor, source, line, status}; vendor errors 502, vendor timeouts 504. Scope click-to-call.")
                .consumes("application/json")
                .produces("application/json")
                .to("direct:api-click-to-call")
                .post("/admin/sources/{id}/register-webhooks")
                .id("api-register-webhooks-rest")
                .description("Registers the hub's webhook URL with the source's vendor, idempotently (CALLR"
                        + " webhooks.subscribe, Telphin extension events, udesk subscriptions); Keyyo: answers the URL"
                        + " to paste into the Keyyo Manager. Scope admin.")
                .produces("application/json")
                .to("direct:api-register-webhooks");

        from("direct:api-click-to-call").routeId("api-click-to-call").routeConfigurationId("api-errors")
                .to("bean:clickToCallApi?method=start");
        from("direct:api-register-webhooks").routeId("api-register-webhooks").routeConfigurationId("api-errors")
                .to("bean:webhookRegistrationApi?method=registerWebhooks");

        // Click-to-calls no vendor event confirmed within switchboard.click-to-call.unconfirmed-timeout end FAILED.
        if (properties.timeoutEnabled()) {
            long period = properties.timeoutCheckInterval().toMillis();
            from("timer:click-to-call-timeout?delay=" + period + "&period=" + period).routeId("click-to-call-timeout")
                    .to("bean:unconfirmedCallTimeout?method=endExpired").id("click-to-call-timeout-sweep");
        }
    }
}
