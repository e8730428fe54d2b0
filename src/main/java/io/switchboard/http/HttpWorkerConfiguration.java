package io.switchboard.http;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Replaces Camel's Spring Boot platform-http engine (same class, same bean name, so the starter
 * backs off) with one that runs requests on the bounded {@link HttpWorkerPool}.
 */
@Configuration(proxyBeanMethods = false)
class HttpWorkerConfiguration {

    @Bean(destroyMethod = "close")
    HttpWorkerPool httpWorkerPool(HttpWorkerProperties properties, MeterRegistry meters) {
        HttpWorkerPool pool = new HttpWorkerPool(properties.threads(), properties.queue());
        pool.registerMetrics(meters);
        return pool;
    }

    @Bean(name = "platform-http-engine")
    PlatformHttpEngine platformHttpEngine(Environment environment, HttpWorkerPool pool) {
        int port = Integer.parseInt(environment.getProperty("server.port", "8080"));
        return new SpringBootPlatformHttpEngine(port, pool);
    }
}
