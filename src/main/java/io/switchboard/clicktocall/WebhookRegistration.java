package io.switchboard.clicktocall;

import io.switchboard.config.Source;
import io.switchboard.config.SwitchboardProperties;
import io.switchboard.ingress.RejectedRequestException;
import io.switchboard.ingress.Sources;
import io.switchboard.vendor.callr.api.CallrApiClient;
import io.switchboard.vendor.callr.api.CallrWebhook;
import io.switchboard.vendor.callr.api.CallrWebhookOptions;
import io.switchboard.vendor.callr.api.CallrWebhookRegistration;
import io.switchboard.vendor.callr.api.CallrWebhookSubscriber;
import io.switchboard.vendor.keyyo.api.KeyyoNotificationUrl;
import io.switchboard.vendor.telphin.api.TelphinEventSubscriber;
import io.switchboard.vendor.telphin.api.TelphinEventSubscription;
import io.switchboard.vendor.telphin.api.TelphinSubscriptionResult;
import io.switchboard.vendor.udesk.api.UdeskApiClient;
import io.switchboard.vendor.udesk.api.UdeskEnsuredSubscription;
import io.switchboard.vendor.udesk.api.UdeskSubscription;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Registers the hub's webhook URL with a source's vendor, idempotently (what exists is kept, only
 * what is missing is created): CALLR {@code webhooks.subscribe}, Telphin extension event
 * subscriptions, udesk message subscriptions. Keyyo has no API for it: the answer is the exact URL
 * to paste into the Keyyo Manager. Runs on {@code POST /api/v1/admin/sources/{id}/register-webhooks}
 * and, for sources with {@code api.register-webhooks-at-start: true}, at start.
 */
@Component
public class WebhookRegistration {

    /** Name of the hub's udesk subscription (found again by it). */
    static final String UDESK_SUBSCRIPTION = "switchboard";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRegistration.class);

    private final Sources sources;
    private final String baseUrl;
    private final TelphinOriginator telphin;
    private final UdeskOriginator udesk;

    WebhookRegistration(Sources sources, SwitchboardProperties properties, TelphinOriginator telphin, UdeskOriginator udesk) {
        this.sources = sources;
        this.baseUrl = properties.publicBaseUrl().replaceAll("/+$", "");
        this.telphin = telphin;
        this.udesk = udesk;
    }

    /** Registers the source's webhooks; the answer says what was kept and created (no secrets). */
    public Map<String, Object> register(String sourceId) {
        Source source = sources.byId(sourceId).orElseThrow(
                () -> RejectedRequestException.notFound("source_not_found", "No source with id '" + sourceId + "'"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("source", source.id());
        result.put("vendor", source.vendor());
        try {
            switch (source.vendor()) {
                case "keyyo" -> keyyo(source, result);
                case "callr" -> callr(source, result);
                case "telphin" -> telphin(source, result);
                case "udesk" -> udesk(source, result);
                default -> throw new IllegalStateException("unknown vendor " + source.vendor());
            }
        } catch (ClickToCallNotConfiguredException e) { // the vendor clients check the API credentials they need
            throw notConfigured(source, e.missing());
        }
        return result;
    }

    /** 409: registration needs API settings the source lacks (the message names them, never a value). */
    static RejectedRequestException notConfigured(Source source, String missing) {
        return new RejectedRequestException(409, "webhook_registration_not_configured", "Source '" + source.id()
                + "' cannot register its webhooks: set " + missing + " in config/switchboard.yaml");
    }

    private void keyyo(Source source, Map<String, Object> result) {
        String url = KeyyoNotificationUrl.template(baseUrl, source.token(), source.keyyo());
        result.put("manual", true);
        result.put("instructions", "Keyyo has no API to register it: in the Keyyo Manager (line > Configurer > Paramètres"
                + " avancés > CTI > API serveur) set this notification URL on every line");
        result.put("url", url);
        result.put("ctiRelay", baseUrl + "/webhooks/keyyo-cti/" + source.token() + "/socket");
    }

    private void callr(Source source, Map<String, Object> result) {
        if (source.callr().hmacSecret() == null || source.callr().hmacSecret().isBlank()) {
            throw notConfigured(source, "callr.hmac-secret");
        }
        String endpoint = baseUrl + "/webhooks/callr";
        try (CallrApiClient client = CallrOriginator.apiClient(source)) {
            CallrWebhookRegistration done = new CallrWebhookSubscriber(client).ensure(endpoint,
                    CallrWebhookSubscriber.CALL_EVENT_TYPES,
                    new CallrWebhookOptions(source.callr().hmacAlgorithm(), source.callr().hmacSecret()));
            result.put("manual", false);
            result.put("url", endpoint);
            result.put("kept", done.existing().stream().map(CallrWebhook::type).toList());
            result.put("created", done.created().stream().map(CallrWebhook::type).toList());
            result.put("disabledByVendor", done.disabled().stream().map(CallrWebhook::hash).toList());
        }
    }

    private void telphin(Source source, Map<String, Object> result) {
        List<String> extensions = source.api().callers().stream()
                .map(Source.Caller::extensionId).filter(Objects::nonNull).filter(s -> !s.isBlank()).distinct().toList();
        if (extensions.isEmpty()) {
            throw notConfigured(source, "api.callers[].extension-id (the extensions to subscribe)");
        }
        String url = baseUrl + "/webhooks/telphin/" + source.token();
        TelphinEventSubscriber subscriber = new TelphinEventSubscriber(telphin.client(source));
        Map<String, Object> byExtension = new LinkedHashMap<>();
        for (String extension : extensions) {
            TelphinSubscriptionResult done = subscriber.ensure(extension, url, "POST", TelphinEventSubscriber.CALL_EVENT_TYPES);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("kept", done.existing().stream().map(TelphinEventSubscription::eventType).toList());
            one.put("created", done.created().stream().map(TelphinEventSubscription::eventType).toList());
            byExtension.put(extension, one);
        }
        result.put("manual", false);
        result.put("url", baseUrl + "/webhooks/telphin/" + mask(source.token()));
        result.put("extensions", byExtension);
    }

    private void udesk(Source source, Map<String, Object> result) {
        String url = baseUrl + "/webhooks/udesk";
        UdeskApiClient client = udesk.client(source);
        UdeskEnsuredSubscription done = client.ensureSubscription(
                UdeskSubscription.of(UDESK_SUBSCRIPTION, url, UdeskApiClient.CALL_EVENTS));
        result.put("manual", false);
        result.put("url", url);
        result.put("created", done.created());
        result.put("upToDate", done.upToDate());
        if (!done.upToDate()) {
            result.put("warning", "A udesk subscription named '" + UDESK_SUBSCRIPTION + "' exists with another callback or"
                    + " fewer events; it was left unchanged: fix or delete it in udesk, then register again");
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerAtStart() {
        for (Source source : sources.all()) {
            if (source.api().registerWebhooksAtStart()) {
                try {
                    LOG.info("Webhook registration for source '{}': {}", source.id(), withoutSecrets(register(source.id())));
                } catch (RuntimeException e) {
                    LOG.warn("Webhook registration for source '{}' failed: {}", source.id(), e.getMessage());
                }
            }
        }
    }

    private static Map<String, Object> withoutSecrets(Map<String, Object> result) {
        Map<String, Object> copy = new LinkedHashMap<>(result);
        copy.remove("url");
        copy.remove("ctiRelay");
        return copy;
    }

    static String mask(String secret) {
        if (secret == null || secret.length() < 8) {
            return "****";
        }
        return secret.substring(0, 2) + "****" + secret.substring(secret.length() - 2);
    }
}
