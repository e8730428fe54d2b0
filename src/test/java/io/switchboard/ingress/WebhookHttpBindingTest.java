package io.switchboard.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** A webhook route's message holds what the ingress reads, and nothing Camel's binding would add. */
class WebhookHttpBindingTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void onlyWebhookEndpointsReadRequestsThisWay() {
        assertThat(WebhookHttpBinding.forEndpoint(endpoint("/webhooks/telphin/{token}"))).isNotNull();
        assertThat(WebhookHttpBinding.forEndpoint(endpoint("/webhooks/callr"))).isNotNull();
        assertThat(WebhookHttpBinding.forEndpoint(endpoint("/api/v1/calls"))).isNull();
        assertThat(WebhookHttpBinding.forEndpoint(endpoint("/webhooksfoo"))).isNull();
    }

    @Test
    void theMessageHoldsTheRequestLineTheTokenAndTheKeptHeadersOnly() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/webhooks/telphin/tok%20en");
        request.setQueryString("EventType=dial-in&CallID=abc&Sign=query-sign");
        request.addHeader("User-Agent", "Telphin/1.0");
        request.addHeader("Authorization", "Bearer secret");
        request.addHeader("X-Forwarded-For", "10.0.0.1");

        Message message = read("/webhooks/telphin/{token}", request);

        assertThat(message.getHeader(Exchange.HTTP_METHOD)).isEqualTo("GET");
        assertThat(message.getHeader(Exchange.HTTP_QUERY)).isEqualTo("EventType=dial-in&CallID=abc&Sign=query-sign");
        assertThat(message.getHeader(Exchange.HTTP_URI)).isEqualTo("/webhooks/telphin/tok%20en");
        assertThat(message.getHeader("token")).isEqualTo("tok%20en");
        assertThat(message.getHeader("user-agent")).isEqualTo("Telphin/1.0");
        // Query parameters are not headers (the ingress parses the query string itself), and
        // headers the ingress does not keep are not copied.
        assertThat(message.getHeaders()).doesNotContainKeys("EventType", "CallID", "Sign", "sign", "Authorization",
                "X-Forwarded-For");
    }

    @Test
    void aRepeatedKeptHeaderKeepsEveryValueAsCamelsBindingDoes() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/webhooks/callr");
        request.addHeader("X-CALLR-HmacSignature", "first");
        request.addHeader("X-CALLR-HmacSignature", "second");

        Message message = read("/webhooks/callr", request);

        assertThat(message.getHeader("x-callr-hmacsignature")).isEqualTo(List.of("first", "second"));
    }

    @Test
    void theBodyIsTheBytesTheGuardReadAndContentTypeAndLengthAreKept() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/webhooks/callr");
        request.setContentType("application/json");
        request.setContent("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        byte[] guarded = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        request.setAttribute(WebhookRequestGuard.BODY_ATTRIBUTE, guarded);

        Message message = read("/webhooks/callr", request);

        assertThat(message.getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(message.getHeader(Exchange.CONTENT_LENGTH)).isEqualTo(7L);
        assertThat(binding().parseBody(request, message)).isSameAs(guarded);
    }

    private Message read(String path, MockHttpServletRequest request) {
        Exchange exchange = DefaultExchange.newFromEndpoint(endpoint(path));
        Message message = new DefaultMessage(exchange);
        binding().readRequest(request, message);
        return message;
    }

    private static WebhookHttpBinding binding() {
        return (WebhookHttpBinding) WebhookHttpBinding.forEndpoint(new PlatformHttpEndpoint(
                "platform-http:/webhooks/callr", "/webhooks/callr", null));
    }

    private PlatformHttpEndpoint endpoint(String path) {
        PlatformHttpEndpoint endpoint = camel.getEndpoint("platform-http:" + path, PlatformHttpEndpoint.class);
        assertThat(endpoint.getPath()).isEqualTo(path);
        return endpoint;
    }
}
