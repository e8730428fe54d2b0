package io.switchboard.clicktocall;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** {@code POST /api/v1/click-to-call} (REST DSL; shares the API's OpenAPI document and error handling). */
@Component
class ClickToCallRoutes extends RouteBuilder {

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
    }
}
