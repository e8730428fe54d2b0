package io.switchboard.apikey;

import io.switchboard.ingress.HttpReplies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every request under {@code /api/v1} (except the OpenAPI document) by its API key,
 * checks the scope the path needs and the key's rate limit: 401, 403 and 429 JSON errors. Webhooks
 * ({@code /webhooks/**}) never pass here: vendors authenticate by their own tokens and signatures.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

    /** Request attribute holding the authenticated {@link ApiKeys.ApiKey}. */
    public static final String KEY_ATTRIBUTE = ApiKeyFilter.class.getName() + ".key";

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyFilter.class);

    private final ApiKeys keys;

    ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<Scope> needed = RequiredScope.of(request.getMethod(), path);
        if (needed.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> presented = PresentedKey.of(request);
        if (presented.isEmpty()) {
            reject(response, 401, "missing_api_key",
                    "Send an API key: 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'", null);
            return;
        }
        if (PresentedKey.conflicting(request)) {
            reject(response, 401, "conflicting_api_keys",
                    "Two different API keys were sent ('Authorization: Bearer' and 'X-Api-Key'): send one", null);
            return;
        }
        Optional<ApiKeys.ApiKey> key = keys.find(presented.get());
        if (key.isEmpty()) {
            LOG.warn("Refused {} {}: unknown API key", request.getMethod(), path);
            reject(response, 401, "invalid_api_key", "Unknown API key", null);
            return;
        }
        if (!key.get().allows(needed.get())) {
            reject(response, 403, "insufficient_scope", "API key '" + key.get().id() + "' lacks scope '"
                    + needed.get().wire() + "' needed for " + request.getMethod() + " " + path, null);
            return;
        }
        Duration wait = key.get().limiter().tryTake();
        if (!wait.isZero()) {
            reject(response, 429, "rate_limited", "API key '" + key.get().id() + "' is over its rate limit; retry in "
                    + Math.max(1, ceilSeconds(wait)) + " s", wait);
            return;
        }
        request.setAttribute(KEY_ATTRIBUTE, key.get());
        boolean websocket = path.equals(PresentedKey.LIVE_PATH);
        chain.doFilter(websocket ? request : new AuthenticatedRequest(request, key.get().id()), response);
    }

    private static long ceilSeconds(Duration d) {
        return (d.toMillis() + 999) / 1000;
    }

    private static void reject(HttpServletResponse response, int status, String code, String message, Duration retryAfter)
            throws IOException {
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"switchboard\"");
        }
        if (retryAfter != null) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, ceilSeconds(retryAfter))));
        }
        HttpReplies.error(response, status, code, message);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeys keys) {
            FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(new ApiKeyFilter(keys));
            registration.addUrlPatterns("/api/v1/*");
            return registration;
        }
    }
}
