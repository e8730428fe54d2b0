package io.switchboard.api;

import io.switchboard.config.SwitchboardProperties;
import io.switchboard.http.UnreadableBody;
import io.switchboard.ingress.CachedBodyRequest;
import io.switchboard.ingress.HttpReplies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An API request with a body over {@code switchboard.ingress.max-body-bytes} (256 KiB; the API's own
 * bodies are a few hundred bytes) gets a JSON 413: before anything reads it when it declares its
 * length, after reading one byte over the limit when it is chunked (no declared length). A chunked
 * body within the limit goes on to the route from memory.
 */
class ApiBodyLimit extends OncePerRequestFilter {

    private final int maxBodyBytes;

    ApiBodyLimit(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            tooLarge(response);
            return;
        }
        if (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body;
            try {
                body = request.getInputStream().readNBytes(maxBodyBytes + 1);
            } catch (IOException e) { // a chunk header that does not parse, or the client stopped sending
                response.setHeader("Connection", "close");
                HttpReplies.error(response, 400, UnreadableBody.CODE,
                        "The chunked body could not be read: a chunk is malformed or the body was cut short");
                return;
            }
            if (body.length > maxBodyBytes) {
                tooLarge(response);
                return;
            }
            chain.doFilter(new CachedBodyRequest(request, body, true), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close"); // the unread body is not worth draining
        HttpReplies.error(response, 413, "payload_too_large", "Request body is larger than " + maxBodyBytes + " bytes");
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<ApiBodyLimit> apiBodyLimit(SwitchboardProperties properties) {
            FilterRegistrationBean<ApiBodyLimit> registration =
                    new FilterRegistrationBean<>(new ApiBodyLimit(properties.ingress().maxBodyBytes()));
            registration.addUrlPatterns("/api/*");
            return registration;
        }
    }
}
