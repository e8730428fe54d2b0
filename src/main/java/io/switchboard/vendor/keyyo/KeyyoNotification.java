package io.switchboard.vendor.keyyo;

import io.switchboard.config.Source.KeyyoOptions;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Keyyo keywords of one server notification, read from the query (or form) parameters the
 * source's URL template names. A keyword is null when its parameter is absent, empty, or still the
 * literal keyword (a platform that does not know {@code _TSMS_} leaves it unreplaced).
 */
record KeyyoNotification(
        String account,
        String caller,
        String callee,
        String type,
        String callref,
        String version,
        String dref,
        String drefReplace,
        String sessionId,
        String isAcd,
        String redirectingNumber,
        String tsms) {

    static final KeyyoOptions DEFAULT_NAMES = new KeyyoOptions("account", "caller", "callee", "type", "callref",
            "version", "dref", "drefreplace", "sessionid", "isacd", "redirectingnumber", "tsms");

    private static final Pattern UNREPLACED_KEYWORD = Pattern.compile("_[A-Z][A-Z_]*_");

    static KeyyoNotification read(Map<String, String> params, KeyyoOptions configured) {
        KeyyoOptions names = configured == null ? DEFAULT_NAMES : configured;
        KeyyoOptions d = DEFAULT_NAMES;
        return new KeyyoNotification(
                value(params, name(names.account(), d.account())),
                value(params, name(names.caller(), d.caller())),
                value(params, name(names.callee(), d.callee())),
                value(params, name(names.type(), d.type())),
                value(params, name(names.callref(), d.callref())),
                value(params, name(names.version(), d.version())),
                value(params, name(names.dref(), d.dref())),
                value(params, name(names.drefReplace(), d.drefReplace())),
                value(params, name(names.sessionId(), d.sessionId())),
                value(params, name(names.isAcd(), d.isAcd())),
                value(params, name(names.redirectingNumber(), d.redirectingNumber())),
                value(params, name(names.tsms(), d.tsms())));
    }

    /** The parameter name configured for a keyword, for error messages. */
    static String accountParameter(KeyyoOptions configured) {
        return configured == null ? DEFAULT_NAMES.account() : name(configured.account(), DEFAULT_NAMES.account());
    }

    static String typeParameter(KeyyoOptions configured) {
        return configured == null ? DEFAULT_NAMES.type() : name(configured.type(), DEFAULT_NAMES.type());
    }

    static String tsmsParameter(KeyyoOptions configured) {
        return configured == null ? DEFAULT_NAMES.tsms() : name(configured.tsms(), DEFAULT_NAMES.tsms());
    }

    /** {@code _IS_ACD_} is a boolean written as 1 (also accepts true/yes). */
    boolean acd() {
        return isAcd != null && switch (isAcd.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "oui" -> true;
            default -> false;
        };
    }

    private static String name(String configured, String fallback) {
        return configured == null || configured.isBlank() ? fallback : configured;
    }

    /** Exact parameter name first, then the same name in another case (ACCOUNT vs account). */
    private static String value(Map<String, String> params, String name) {
        String raw = params.get(name);
        if (raw == null) {
            raw = params.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(null);
        }
        if (raw == null) {
            return null;
        }
        String trimmed = raw.trim();
        return trimmed.isEmpty() || UNREPLACED_KEYWORD.matcher(trimmed).matches() ? null : trimmed;
    }
}
