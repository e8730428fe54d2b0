package io.switchboard.ingress;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A vendor's HTTP request exactly as received: what the inbox stores and what translators read.
 * Rebuilt unchanged from the inbox row when the hub resumes after a restart, so translating it
 * again gives the same events.
 *
 * @param vendor vendor id (keyyo, callr, telphin, udesk, keyyo-cti)
 * @param sourceId configured source that authenticated it (null until authenticated)
 * @param method HTTP method
 * @param queryString raw query string without '?', or null
 * @param contentType Content-Type header, or null
 * @param body raw body bytes (empty for GET)
 * @param headers selected request headers, names lower-case (never secrets)
 * @param receivedAt when the hub received it
 * @param inboxId inbox row id once stored, else null
 */
public record InboundRequest(
        String vendor,
        String sourceId,
        String method,
        String queryString,
        String contentType,
        byte[] body,
        Map<String, String> headers,
        Instant receivedAt,
        Long inboxId) {

    public InboundRequest {
        body = body == null ? new byte[0] : body;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public InboundRequest withSource(String id) {
        return new InboundRequest(vendor, id, method, queryString, contentType, body, headers, receivedAt, inboxId);
    }

    public InboundRequest withInboxId(long id) {
        return new InboundRequest(vendor, sourceId, method, queryString, contentType, body, headers, receivedAt, id);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean isForm() {
        return contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /**
     * Query parameters, then form fields of a form-encoded body (a form field wins over a query
     * parameter of the same name); names as sent. A name given twice in the query string, or twice
     * in the form, counts once when both values are the same (a URL template that repeats a keyword)
     * and is a 400 {@code repeated_parameter} when they differ: which one the vendor meant is not
     * the hub's to guess.
     */
    public Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        parseDistinct(queryString, params);
        if (isForm()) {
            Map<String, String> form = new LinkedHashMap<>();
            parseDistinct(bodyText(), form);
            params.putAll(form);
        }
        return Collections.unmodifiableMap(params);
    }

    private static void parseDistinct(String encoded, Map<String, String> into) {
        parseUrlEncoded(encoded, new AbstractMap<>() { // only put() is used by the parser
            @Override
            public String put(String name, String value) {
                String before = into.putIfAbsent(name, value);
                if (before != null && !before.equals(value)) {
                    throw repeated(name);
                }
                return before;
            }

            @Override
            public Set<Entry<String, String>> entrySet() {
                return into.entrySet();
            }
        });
    }

    /** 400: a parameter given more than once with different values (the values are not echoed). */
    public static RejectedRequestException repeated(String name) {
        return RejectedRequestException.badRequest("repeated_parameter",
                "Parameter '" + name + "' is given more than once with different values");
    }

    /** Parses {@code a=1&b=2} (URL-encoded) into {@code into}; a malformed escape is a 400. */
    public static void parseQuery(String encoded, Map<String, String> into) {
        parseUrlEncoded(encoded, into);
    }

    static void parseUrlEncoded(String encoded, Map<String, String> into) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            into.put(name, value);
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RejectedRequestException.badRequest("malformed_query", "Malformed URL encoding in request parameters");
        }
    }
}
