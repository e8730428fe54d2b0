package io.switchboard.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The guard hands the body it read to the routes (request attribute and a re-readable request),
 * whether the caller declared its length or sent it chunked, and refuses what is over the limit.
 */
class WebhookRequestGuardTest {

    private static final int LIMIT = 64;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final WebhookRequestGuard guard = new WebhookRequestGuard(LIMIT, new IngressMetrics(meters));

    @Test
    void aDeclaredLengthBodyReachesTheRouteAsItWasSent() throws Exception {
        MockHttpServletRequest request = post("{\"type\":\"call.inbound_start\"}");

        Passed passed = filter(request);

        assertThat(passed.attribute).asString(StandardCharsets.UTF_8).isEqualTo("{\"type\":\"call.inbound_start\"}");
        assertThat(passed.reread).isEqualTo("{\"type\":\"call.inbound_start\"}");
        assertThat(passed.response.getStatus()).isEqualTo(200);
    }

    @Test
    void aChunkedBodyWithoutLengthIsReadUpToTheLimit() throws Exception {
        MockHttpServletRequest request = new ChunkedRequest("a=1&b=2");
        request.setContentType("application/x-www-form-urlencoded");

        Passed passed = filter(request);

        assertThat(passed.attribute).asString(StandardCharsets.UTF_8).isEqualTo("a=1&b=2");
        assertThat(passed.reread).isEqualTo("a=1&b=2");
    }

    @Test
    void aBodyShorterThanItsDeclaredLengthKeepsWhatArrived() throws Exception {
        // The caller declared 20 bytes and went away after five.
        MockHttpServletRequest declaredLonger = new MockHttpServletRequest("POST", "/webhooks/callr") {
            @Override
            public long getContentLengthLong() {
                return 20;
            }
        };
        declaredLonger.setContent("short".getBytes(StandardCharsets.UTF_8));

        Passed passed = filter(declaredLonger);

        assertThat(passed.attribute).asString(StandardCharsets.UTF_8).isEqualTo("short");
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWithoutReachingTheRoute() throws Exception {
        MockHttpServletRequest request = new ChunkedRequest("x".repeat(LIMIT + 1));

        Passed passed = filter(request);

        assertThat(passed.reached).isFalse();
        assertThat(passed.response.getStatus()).isEqualTo(413);
        assertThat(passed.response.getContentAsString()).contains("\"error\":\"payload_too_large\"");
        assertThat(meters.get("switchboard.webhook.rejected").tag("vendor", "callr").counter().count()).isEqualTo(1.0);
    }

    @Test
    void aFormFieldWithoutAnEqualsSignIsRefusedAsMalformedBody() throws Exception {
        MockHttpServletRequest request = form("account=33172587948&type=SETUP&x");

        Passed passed = filter(request);

        assertThat(passed.reached).isFalse();
        assertThat(passed.response.getStatus()).isEqualTo(400);
        assertThat(passed.response.getContentAsString())
                .contains("\"error\":\"malformed_body\"")
                .contains("each field is name=value");
        assertThat(meters.get("switchboard.webhook.rejected").tag("vendor", "keyyo").tag("reason", "malformed_body")
                        .counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void emptyFormFieldsAndEmptyNamesOrValuesPass() throws Exception {
        assertThat(filter(form("a=1&&b=&=3&")).reached).isTrue();
        assertThat(filter(form("")).reached).isTrue();
    }

    @Test
    void aJsonBodyIsNotHeldToFormFields() throws Exception {
        assertThat(filter(post("{\"a\":1}")).reached).isTrue();
    }

    private static MockHttpServletRequest form(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/webhooks/keyyo/some-token");
        request.setContentType("application/x-www-form-urlencoded");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    private static MockHttpServletRequest post(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/webhooks/callr");
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    private record Passed(boolean reached, byte[] attribute, String reread, MockHttpServletResponse response) {}

    private Passed filter(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<ServletRequest> seen = new AtomicReference<>();
        AtomicReference<String> reread = new AtomicReference<>();
        guard.doFilter(request, response, (req, res) -> {
            seen.set(req);
            reread.set(new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        });
        ServletRequest passed = seen.get();
        return new Passed(
                passed != null,
                passed == null ? null : (byte[]) passed.getAttribute(WebhookRequestGuard.BODY_ATTRIBUTE),
                reread.get(),
                response);
    }

    /** A request sent with chunked transfer encoding: no declared length. */
    private static final class ChunkedRequest extends MockHttpServletRequest {
        private final byte[] body;

        ChunkedRequest(String body) {
            super("POST", "/webhooks/callr");
            this.body = body.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }

        @Override
        public int getContentLength() {
            return -1;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new DelegatingServletInputStream(new ByteArrayInputStream(body));
        }
    }
}
