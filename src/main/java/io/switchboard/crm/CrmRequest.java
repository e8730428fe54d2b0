package io.switchboard.crm;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * One request to a CRM, kept as data so it can be sent, or logged exactly in dry-run mode with its
 * secrets masked.
 *
 * @param method      GET, POST, PATCH, PUT, DELETE
 * @param uri         the full URI, query included
 * @param headers     request headers (credentials included; {@link #describe()} masks them)
 * @param body        the body, or null
 * @param contentType the body's media type, e.g. {@code application/json}
 */
public record CrmRequest(String method, URI uri, Map<String, String> headers, String body, String contentType) {

    private static final Set<String> SECRET_PARAMS =
            Set.of("api_token", "access_token", "refresh_token", "client_secret", "password");
    private static final Pattern QUERY_PARAM = Pattern.compile("([^?&=]+)=([^&]*)");

    public CrmRequest {
        headers = Map.copyOf(headers == null ? Map.of() : headers);
    }

    public static CrmRequest json(String method, URI uri, String body) {
        return new CrmRequest(method, uri, Map.of("Accept", "application/json"), body, body == null ? null : "application/json");
    }

    public static CrmRequest get(URI uri) {
        return json("GET", uri, null);
    }

    /** A copy with one more header. */
    public CrmRequest withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new CrmRequest(method, uri, copy, body, contentType);
    }

    /** A copy with one more query parameter (value URL-encoded). */
    public CrmRequest withQueryParam(String name, String value) {
        String encoded = java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
        String text = uri.toString();
        return new CrmRequest(method, URI.create(text + (text.contains("?") ? "&" : "?") + name + "=" + encoded),
                headers, body, contentType);
    }

    /** {@code METHOD /path}: names the request in errors and logs, never with its query (it may hold a token). */
    public String operation() {
        return method + " " + uri.getRawPath();
    }

    /** The request as text with credentials masked: what dry-run mode logs and records. */
    public String describe() {
        StringBuilder text = new StringBuilder(method).append(' ').append(maskedUri());
        headers.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(h -> text.append('\n').append(h.getKey()).append(": ").append(maskedHeader(h.getKey(), h.getValue())));
        if (body != null) {
            text.append("\n\n").append(body);
        }
        return text.toString();
    }

    String maskedUri() {
        String raw = uri.toString();
        int q = raw.indexOf('?');
        if (q < 0) {
            return raw;
        }
        Matcher m = QUERY_PARAM.matcher(raw.substring(q + 1));
        StringBuilder query = new StringBuilder();
        while (m.find()) {
            boolean secret = SECRET_PARAMS.contains(m.group(1).toLowerCase(Locale.ROOT));
            m.appendReplacement(query, Matcher.quoteReplacement(m.group(1) + "=" + (secret ? "****" : m.group(2))));
        }
        m.appendTail(query);
        return raw.substring(0, q + 1) + query;
    }

    private static String maskedHeader(String name, String value) {
        if (!name.equalsIgnoreCase("Authorization")) {
            return value;
        }
        int space = value.indexOf(' ');
        return (space > 0 ? value.substring(0, space + 1) : "") + "****";
    }

    HttpUriRequestBase toHttp() {
        HttpUriRequestBase request = new HttpUriRequestBase(method, uri);
        headers.forEach(request::setHeader);
        if (body != null) {
            request.setEntity(new StringEntity(body, ContentType.parse(contentType).withCharset(StandardCharsets.UTF_8)));
        }
        return request;
    }
}
