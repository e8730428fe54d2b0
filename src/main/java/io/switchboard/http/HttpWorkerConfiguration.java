package io.switchboard.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.ingress.IngressMetrics;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.coyote.AbstractProtocol;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Replaces Camel's Spring Boot platform-http engine (same bean name, so the starter backs off)
 * with one whose routes run on the container thread, bounded by {@link HttpWorkerPool}; sizes
 * Tomcat's thread pool to match.
 */
@Configuration(proxyBeanMethods = false)
class HttpWorkerConfiguration {

    @Bean
    HttpWorkerPool httpWorkerPool(HttpWorkerProperties properties, MeterRegistry meters) {
        HttpWorkerPool pool = new HttpWorkerPool(properties.threads(), properties.queue());
        pool.registerMetrics(meters);
        return pool;
    }

    @Bean(name = "platform-http-engine")
    PlatformHttpEngine platformHttpEngine(Environment environment, HttpWorkerPool pool, IngressMetrics metrics) {
        int port = Integer.parseInt(environment.getProperty("server.port", "8080"));
        return new DirectPlatformHttpEngine(port, pool, metrics);
    }

    /** Enough container threads for every admitted request plus a few to answer 503 at once. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> httpWorkerThreads(HttpWorkerPool pool) {
        return factory -> factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                protocol.setMaxThreads(Math.max(protocol.getMaxThreads(), pool.containerThreads()));
            }
        });
    }
}
