package io.switchboard.clicktocall;

import io.switchboard.ingress.HttpReplies;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** {@code POST /api/v1/admin/sources/{id}/register-webhooks} (scope admin). */
@Component("webhookRegistrationApi")
class AdminApi {

    private final WebhookRegistration registration;

    AdminApi(WebhookRegistration registration) {
        this.registration = registration;
    }

    public void registerWebhooks(Exchange exchange) {
        String id = exchange.getMessage().getHeader("id", String.class);
        HttpReplies.json(exchange, 200, registration.register(id));
    }
}
