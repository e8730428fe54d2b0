package io.switchboard.ingress;

import io.switchboard.config.SwitchboardProperties;
import io.switchboard.http.UnreadableBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks what would stop a webhook before its route can answer, and reads the body once: a body
 * over the size limit (413, without reading it all), URL encoding that does not decode (400
 * {@code malformed_encoding}) and a form body that is not {@code name=value} fields (400
 * {@code malformed_body}). The webhook routes take the body it read ({@link WebhookHttpBinding}).
 */
class WebhookRequestGuard extends OncePerRequestFilter {

    /**
     * Request attribute holding the body this filter read (a {@code byte[]}): the webhook routes
     * take it from there instead of having Camel read it again through a reader and convert it.
     */
    static final String BODY_ATTRIBUTE = WebhookRequestGuard.class.getName() + ".body";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRequestGuard.class);

    private final int maxBodyBytes;
    private final IngressMetrics metrics;

    WebhookRequestGuard(int maxBodyBytes, IngressMetrics metrics) {
        this.maxBodyBytes = maxBodyBytes;
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            reject(request, response, 413, "payload_too_large", "Request body is larger than " + maxBodyBytes + " bytes");
            return;
        }
        byte[] body = readBody(request);
        if (body.length > maxBodyBytes) {
            reject(request, response, 413, "payload_too_large", "Request body is larger than " + maxBodyBytes + " bytes");
            return;
        }
        String form = isForm(request) ? new String(body, StandardCharsets.UTF_8) : null;
        if (!decodes(request.getQueryString()) || (form != null && !decodes(form))) {
            reject(request, response, 400, "malformed_encoding", "Malformed URL encoding in the query string or form body");
            return;
        }
        if (form != null && !allFieldsNamed(form)) {
            reject(request, response, 400, UnreadableBody.CODE, UnreadableBody.NOT_A_FORM);
            return;
        }
        request.setAttribute(BODY_ATTRIBUTE, body);
        chain.doFilter(new CachedBodyRequest(request, body, false), response);
    }

    /**
     * The body, at most {@code maxBodyBytes + 1} bytes of it. With a declared length (at most the
     * limit, checked before) it is read into an array of that size; without one (chunked) in
     * steps up to the limit.
     */
    private byte[] readBody(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared < 0) {
            return request.getInputStream().readNBytes(maxBodyBytes + 1);
        }
        byte[] body = new byte[(int) declared];
        int read = request.getInputStream().readNBytes(body, 0, body.length);
        return read == body.length ? body : Arrays.copyOf(body, read);
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** Whether every field of a form body is {@code name=value} (empty fields, {@code a&&b=1}, are skipped). */
    static boolean allFieldsNamed(String form) {
        for (String field : form.split("&")) {
            if (!field.isEmpty() && field.indexOf('=') < 0) {
                return false;
            }
        }
        return true;
    }

    static boolean decodes(String encoded) {
        if (encoded == null) {
            return true;
        }
        try {
            URLDecoder.decode(encoded, StandardCharsets.UTF_8);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, int status, String code, String message)
            throws IOException {
        String vendor = IngressMetrics.vendorOf(request.getRequestURI());
        metrics.rejected(vendor, code, status);
        LOG.warn("Rejected {} request: {} {} - {}", vendor, status, code, message);
        HttpReplies.error(response, status, code, message);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<WebhookRequestGuard> webhookRequestGuard(
                SwitchboardProperties properties, IngressMetrics metrics) {
            FilterRegistrationBean<WebhookRequestGuard> registration =
                    new FilterRegistrationBean<>(new WebhookRequestGuard(properties.ingress().maxBodyBytes(), metrics));
            registration.addUrlPatterns(WebhookRoutes.PATH_PREFIX + "*");
            return registration;
        }
    }
}
