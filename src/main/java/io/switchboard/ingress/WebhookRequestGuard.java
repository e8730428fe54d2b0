package io.switchboard.ingress;

import io.switchboard.config.SwitchboardProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
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
 * Checks what the HTTP layer itself would choke on before Camel sees a webhook: a body over the
 * size limit (413, without reading it all) and URL encoding that does not decode (400). Camel's
 * HTTP binding decodes form bodies before any route runs, so these must be caught here to get a
 * JSON 4xx instead of a 500.
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
        if (!decodes(request.getQueryString()) || (isForm(request) && !decodes(new String(body, StandardCharsets.UTF_8)))) {
            reject(request, response, 400, "malformed_encoding", "Malformed URL encoding in the query string or form body");
            return;
        }
        request.setAttribute(BODY_ATTRIBUTE, body);
        chain.doFilter(new CachedBodyRequest(request, body), response);
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
        String vendor = vendorOf(request.getRequestURI());
        metrics.rejected(vendor, code, status);
        LOG.warn("Rejected {} request: {} {} - {}", vendor, status, code, message);
        HttpReplies.error(response, status, code, message);
    }

    /** {@code /webhooks/telphin/abc} → telphin. */
    static String vendorOf(String uri) {
        String[] parts = uri.split("/");
        return parts.length > 2 ? parts[2] : "unknown";
    }

    /** The request with its body already read, so Camel can read it again. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        /**
         * Camel's platform-http message asks for the reader of every request it wraps, even when
         * the route then takes the body from {@link #BODY_ATTRIBUTE}: a reader sized to the body
         * costs a fraction of a default one over an {@code InputStreamReader} (16 KiB of buffers).
         */
        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new StringReader(new String(body, StandardCharsets.UTF_8)), Math.max(1, body.length));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<WebhookRequestGuard> webhookRequestGuard(
                SwitchboardProperties properties, IngressMetrics metrics) {
            FilterRegistrationBean<WebhookRequestGuard> registration =
                    new FilterRegistrationBean<>(new WebhookRequestGuard(properties.ingress().maxBodyBytes(), metrics));
            registration.addUrlPatterns("/webhooks/*");
            return registration;
        }
    }
}
