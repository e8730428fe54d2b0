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

    /** Every webhook path starts with this ({@link WebhookRequestGuard}, {@link WebhookHttpBinding}). */
    static final String PATH_PREFIX = "/webhooks/";

    private final WebhookIngress webhookIngress;

    WebhookRoutes(WebhookIngress webhookIngress) {
        this.webhookIngress = webhookIngress;
    }

    @Override
    public void configure() {
        ingress("keyyo-notification-ingress", PATH_PREFIX + "keyyo/{token}", "GET,POST", "keyyo");
        ingress("keyyo-cti-ingress", PATH_PREFIX + "keyyo-cti/{token}", "POST", "keyyo-cti");
        ingress("callr-webhook-ingress", PATH_PREFIX + "callr", "POST", "callr");
        ingress("telphin-event-ingress", PATH_PREFIX + "telphin/{token}", "GET,POST", "telphin");
        ingress("udesk-callback-ingress", PATH_PREFIX + "udesk", "POST", "udesk");
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
