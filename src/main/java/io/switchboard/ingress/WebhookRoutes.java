package io.switchboard.ingress;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * One route per vendor webhook. Each route only names its path and vendor; the work is in
 * {@link WebhookIngress} and the vendor's {@link VendorDialect}. Errors are handled once, in the
 * {@code webhook-errors} route configuration ({@link WebhookErrorHandling}).
 */
@Component
class WebhookRoutes extends RouteBuilder {

    static final String ERRORS = "webhook-errors";

    private final WebhookIngress webhookIngress;

    WebhookRoutes(WebhookIngress webhookIngress) {
        this.webhookIngress = webhookIngress;
    }

    @Override
    public void configure() {
        ingress("keyyo-notification-ingress", "/webhooks/keyyo/{token}", "GET,POST", "keyyo");
        ingress("keyyo-cti-ingress", "/webhooks/keyyo-cti/{token}", "POST", "keyyo-cti");
        ingress("callr-webhook-ingress", "/webhooks/callr", "POST", "callr");
        ingress("telphin-event-ingress", "/webhooks/telphin/{token}", "GET,POST", "telphin");
        ingress("udesk-callback-ingress", "/webhooks/udesk", "POST", "udesk");
    }

    private void ingress(String routeId, String path, String methods, String vendor) {
        from("platform-http:" + path + "?httpMethodRestrict=" + methods + "&populateBodyWithForm=false")
                .routeId(routeId)
                .routeConfigurationId(ERRORS)
                .setProperty(WebhookErrorHandling.VENDOR, constant(vendor))
                // A plain processor: Camel's bean binding would evaluate "accept(*, 'vendor')" on
                // every request, a measurable share of a webhook's CPU.
                .process(exchange -> webhookIngress.accept(exchange, vendor))
                .id(routeId + "-accept");
    }
}
