package io.switchboard.ingress;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Benchmark only ({@code bench} profile, see BENCHMARKS.md): a trivial platform-http route that
 * answers {@code pong} with no work, so the benchmark can measure the HTTP stack's own ceiling in
 * the same hub that takes the webhook load. Absent from the default profile.
 */
@Component
@Profile("bench")
class BenchPingRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("platform-http:/bench/ping?httpMethodRestrict=GET")
                .routeId("bench-ping")
                .setHeader(Exchange.CONTENT_TYPE, constant("text/plain"))
                .setBody(constant("pong"));
    }
}
