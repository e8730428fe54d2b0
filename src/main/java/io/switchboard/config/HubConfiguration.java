package io.switchboard.config;

import java.time.Clock;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.support.DefaultHeaderFilterStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the whole hub shares. */
@Configuration(proxyBeanMethods = false)
class HubConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * platform-http copies every message header into the HTTP response by default, which echoes
     * request headers and internal ones. Only these few may leave the hub.
     */
    @Bean
    ComponentCustomizer platformHttpResponseHeaders() {
        return ComponentCustomizer.forType(
                PlatformHttpComponent.class, component -> component.setHeaderFilterStrategy(new ResponseHeaderFilter()));
    }

    static final class ResponseHeaderFilter extends DefaultHeaderFilterStrategy {

        private static final Set<String> ALLOWED_OUT = Set.of("content-type", "retry-after", "location", "allow");

        ResponseHeaderFilter() {
            setLowerCase(true);
            setOutFilterStartsWith(CAMEL_FILTER_STARTS_WITH);
            setInFilterStartsWith(CAMEL_FILTER_STARTS_WITH);
        }

        @Override
        public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
            return !ALLOWED_OUT.contains(headerName.toLowerCase(java.util.Locale.ROOT));
        }
    }
}
