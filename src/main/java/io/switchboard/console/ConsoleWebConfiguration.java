package io.switchboard.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The operator console: static files under {@code classpath:/static/console/} (plain HTML, ES
 * modules and CSS, no build step), served by Spring MVC at {@code /console/} — not through Camel, so
 * neither the webhook guard (mapped to {@code /webhooks/*}) nor platform-http sees these requests.
 * The console pages get a strict Content-Security-Policy: they load nothing but the hub's own files;
 * the Keyyo relay page may also load Keyyo's SDK over https and let it connect to Keyyo.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfiguration implements WebMvcConfigurer {

    static final String CONSOLE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";
    static final String KEYYO_RELAY_CSP = "default-src 'self'; script-src 'self' https:; style-src 'self' https:;"
            + " img-src 'self' data: https:; connect-src 'self' https: wss:; frame-src https:;"
            + " frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/console", "/console/");
        registry.addViewController("/console/").setViewName("forward:/console/index.html");
    }

    @Bean
    FilterRegistrationBean<ConsoleHeaders> consoleHeaders() {
        FilterRegistrationBean<ConsoleHeaders> registration = new FilterRegistrationBean<>(new ConsoleHeaders());
        registration.addUrlPatterns("/console/*");
        return registration;
    }

    /** Security headers on every console file. */
    static final class ConsoleHeaders extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean relay = request.getRequestURI().endsWith("/keyyo-relay.html");
            response.setHeader("Content-Security-Policy", relay ? KEYYO_RELAY_CSP : CONSOLE_CSP);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Cache-Control", "no-cache");
            chain.doFilter(request, response);
        }
    }
}
