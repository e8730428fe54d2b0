package io.switchboard.config;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On start, logs for each source the exact URL to give the vendor, with secrets masked, and warns
 * about sources that cannot authenticate anything yet.
 */
@Component
class SourceUrlLogger {

    private static final Logger LOG = LoggerFactory.getLogger(SourceUrlLogger.class);

    static final String KEYYO_TEMPLATE = "?%s=_ACCOUNT_&%s=_CALLER_&%s=_CALLEE_&%s=_N_TYPE_&%s=_CALLREF_&%s=_N_VERSION_"
            + "&%s=_DREF_&%s=_DREF_REPLACE_&%s=_SESSION_ID_&%s=_IS_ACD_&%s=_REDIRECTING_NUMBER_&%s=_TSMS_";

    private final SwitchboardProperties properties;

    SourceUrlLogger(SwitchboardProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void logSourceUrls() {
        if (properties.sources().isEmpty()) {
            LOG.warn("No sources configured: add vendor accounts under switchboard.sources in config/switchboard.yaml");
        }
        for (Source source : properties.sources()) {
            missingSecret(source).ifPresent(what -> LOG.warn("Source '{}' has no {}: it will reject every request", source.id(), what));
            LOG.info("Source '{}' ({}): {}", source.id(), source.vendor(), instructions(source));
        }
    }

    String instructions(Source source) {
        String base = properties.publicBaseUrl().replaceAll("/+$", "");
        return switch (source.vendor()) {
            case "keyyo" -> "in the Keyyo Manager (line > Configurer > Paramètres avancés > CTI > API serveur) set the"
                    + " notification URL to " + base + "/webhooks/keyyo/" + mask(source.token()) + keyyoTemplate(source.keyyo())
                    + "  (CTI relay page: POST " + base + "/webhooks/keyyo-cti/" + mask(source.token()) + ")";
            case "telphin" -> "subscribe each extension's events (dial-in, dial-out, answer, hangup) to "
                    + base + "/webhooks/telphin/" + mask(source.token()) + " with method POST or GET";
            case "callr" -> "subscribe webhooks (webhooks.subscribe, format JSON, hmac_algo "
                    + source.callr().hmacAlgorithm() + ", hmac_secret " + mask(source.callr().hmacSecret()) + ") to "
                    + base + "/webhooks/callr";
            case "udesk" -> "subscribe call events for AppId " + source.udesk().appId() + " with callback "
                    + base + "/webhooks/udesk (signed with Secret " + mask(source.udesk().secret()) + ")";
            default -> "unknown vendor";
        };
    }

    static String keyyoTemplate(Source.KeyyoOptions k) {
        List<String> names = List.of(k.account(), k.caller(), k.callee(), k.type(), k.callref(), k.version(), k.dref(),
                k.drefReplace(), k.sessionId(), k.isAcd(), k.redirectingNumber(), k.tsms());
        return String.format(KEYYO_TEMPLATE, names.toArray());
    }

    private static java.util.Optional<String> missingSecret(Source source) {
        String missing = switch (source.vendor()) {
            case "keyyo", "telphin" -> blank(source.token()) ? "token" : null;
            case "callr" -> blank(source.callr().hmacSecret()) ? "callr.hmac-secret" : null;
            case "udesk" -> blank(source.udesk().appId()) || blank(source.udesk().secret()) ? "udesk.app-id/secret" : null;
            default -> null;
        };
        return java.util.Optional.ofNullable(missing);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Shows only enough of a secret to recognise it: {@code de****en}. */
    static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "<not set>";
        }
        if (secret.length() < 8) {
            return "****";
        }
        return secret.substring(0, 2) + "****" + secret.substring(secret.length() - 2);
    }
}
