package io.switchboard.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.SwitchboardApplication;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Route test of the webhook error configuration: whatever the accept step throws, the caller gets
 * a JSON error with the right status, no stack trace, and none of its request headers back.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(classes = SwitchboardApplication.class)
@ActiveProfiles("test")
@DirtiesContext
class WebhookErrorHandlingTest {

    private static final String ROUTE = "keyyo-notification-ingress";

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    private static RuntimeException failure;

    @BeforeEach
    void adviseIngressRoute() throws Exception {
        if (camel.getStatus().isStarted()) {
            return;
        }
        AdviceWith.adviceWith(camel, ROUTE, route -> {
            route.replaceFromWith("direct:keyyo-ingress-test");
            route.weaveById(ROUTE + "-accept").replace().process(exchange -> {
                throw failure;
            });
        });
        camel.start();
    }

    private Exchange send(RuntimeException thrown) {
        failure = thrown;
        return producer.request("direct:keyyo-ingress-test", exchange -> {
            exchange.getMessage().setHeader("token", "s3cr3t-token");
            exchange.getMessage().setHeader("X-Probe", "echo-me");
        });
    }

    @Test
    void aRejectionBecomesItsStatusWithAJsonBody() {
        Exchange reply = send(RejectedRequestException.badRequest("missing_field", "Missing Keyyo type"));

        assertThat(reply.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(400);
        assertThat(reply.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(reply.getMessage().getBody(String.class))
                .isEqualTo("{\"status\":400,\"error\":\"missing_field\",\"message\":\"Missing Keyyo type\"}");
        assertThat(reply.getMessage().getHeaders()).doesNotContainKeys("token", "X-Probe");
    }

    @Test
    void anUnexpectedFailureIsA500WithoutDetails() {
        Exchange reply = send(new IllegalStateException("boom at com.example.Secret"));

        assertThat(reply.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(500);
        assertThat(reply.getMessage().getBody(String.class)).contains("internal_error").doesNotContain("boom");
        assertThat(reply.getMessage().getHeaders()).doesNotContainKeys("token", "X-Probe");
    }

    @Test
    void aStorageOutageIsA503WithRetryAfter() {
        Exchange reply = send(new io.switchboard.inbox.InboxUnavailableException("the inbox queue is full"));

        assertThat(reply.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(503);
        assertThat(reply.getMessage().getHeader("Retry-After")).isEqualTo("5");
        assertThat(reply.getMessage().getBody(String.class)).contains("unavailable");
    }
}
