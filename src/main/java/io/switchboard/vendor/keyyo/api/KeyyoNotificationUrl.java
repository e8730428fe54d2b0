package io.switchboard.vendor.keyyo.api;

import io.switchboard.config.Source;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The notification URL to type into the Keyyo Manager (line &gt; Configurer &gt; Paramètres avancés
 * &gt; CTI &gt; API serveur). Keyyo has no API to register it: an administrator pastes it. Keyyo replaces
 * each {@code _KEYWORD_} when it calls the hub; the parameter names around the keywords are the
 * ones the source's {@code keyyo:} options expect.
 */
public final class KeyyoNotificationUrl {

    private KeyyoNotificationUrl() {}

    /**
     * The exact URL, secret token included:
     * {@code <base>/webhooks/keyyo/<token>?account=_ACCOUNT_&caller=_CALLER_&…&tsms=_TSMS_}.
     *
     * @param baseUrl public base URL of the hub ({@code https://hub.example.com}); trailing slashes are ignored
     * @param token the source's secret path token
     * @param names parameter names the source reads (the defaults give the README template)
     */
    public static String template(String baseUrl, String token, Source.KeyyoOptions names) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("A Keyyo source needs a token: it is the only secret of the URL");
        }
        Objects.requireNonNull(names, "names");
        StringJoiner query = new StringJoiner("&", "?", "");
        keywords(names).forEach((name, keyword) -> query.add(encode(name) + "=" + keyword));
        return baseUrl.replaceAll("/+$", "") + "/webhooks/keyyo/" + encode(token) + query;
    }

    /** Parameter name → Keyyo keyword, in the order of the README template. */
    static Map<String, String> keywords(Source.KeyyoOptions k) {
        Map<String, String> keywords = new LinkedHashMap<>();
        keywords.put(k.account(), "_ACCOUNT_");
        keywords.put(k.caller(), "_CALLER_");
        keywords.put(k.callee(), "_CALLEE_");
        keywords.put(k.type(), "_N_TYPE_");
        keywords.put(k.callref(), "_CALLREF_");
        keywords.put(k.version(), "_N_VERSION_");
        keywords.put(k.dref(), "_DREF_");
        keywords.put(k.drefReplace(), "_DREF_REPLACE_");
        keywords.put(k.sessionId(), "_SESSION_ID_");
        keywords.put(k.isAcd(), "_IS_ACD_");
        keywords.put(k.redirectingNumber(), "_REDIRECTING_NUMBER_");
        keywords.put(k.tsms(), "_TSMS_");
        if (keywords.size() != 12) {
            throw new IllegalArgumentException("Keyyo parameter names must be distinct: " + keywords.keySet());
        }
        return keywords;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
