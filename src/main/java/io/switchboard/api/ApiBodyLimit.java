package io.switchboard.api;

import io.switchboard.config.SwitchboardProperties;
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
 * An API request declaring a body over {@code switchboard.ingress.max-body-bytes} (256 KiB; the
 * API's own bodies are a few hundred bytes) gets a JSON 413 before anything reads it. A chunked body
 * declares no length and is not checked here: it is read whole, as before.
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
            response.setHeader("Connection", "close"); // the unread body is not worth draining
            HttpReplies.error(response, 413, "payload_too_large", "Request body is larger than " + maxBodyBytes + " bytes");
            return;
        }
        chain.doFilter(request, response);
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
