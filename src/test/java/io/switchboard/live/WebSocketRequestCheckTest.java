package io.switchboard.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.call.CanonicalJson;
import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Every way a request can fail to be a websocket handshake, and the JSON error it gets. */
class WebSocketRequestCheckTest {

    private final MockHttpServletResponse servletResponse = new MockHttpServletResponse();

    private static MockHttpServletRequest handshake() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/live");
        request.addHeader("Upgrade", "websocket");
        request.addHeader("Connection", "keep-alive, Upgrade");
        request.addHeader("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
        request.addHeader("Sec-WebSocket-Version", "13");
        return request;
    }

    private boolean check(MockHttpServletRequest request) throws Exception {
        ServletServerHttpResponse response = new ServletServerHttpResponse(servletResponse);
        boolean passed = new WebSocketRequestCheck().beforeHandshake(new ServletServerHttpRequest(request), response, null,
                new HashMap<>());
        response.close();
        return passed;
    }

    private JsonNode error() throws Exception {
        assertThat(servletResponse.getContentType()).startsWith("application/json");
        return CanonicalJson.MAPPER.readTree(servletResponse.getContentAsString());
    }

    @Test
    void aValidHandshakePassesUntouched() throws Exception {
        assertThat(check(handshake())).isTrue();
        assertThat(servletResponse.getStatus()).isEqualTo(200);
        assertThat(servletResponse.getContentAsString()).isEmpty();
    }

    @Test
    void anotherMethodIs405WithAllow() throws Exception {
        MockHttpServletRequest request = handshake();
        request.setMethod("POST");

        assertThat(check(request)).isFalse();
        assertThat(servletResponse.getStatus()).isEqualTo(405);
        assertThat(servletResponse.getHeader("Allow")).isEqualTo("GET");
        assertThat(error().path("error").asText()).isEqualTo("method_not_allowed");
    }

    @Test
    void aPlainGetIs400() throws Exception {
        assertThat(check(new MockHttpServletRequest("GET", "/api/v1/live"))).isFalse();
        assertThat(servletResponse.getStatus()).isEqualTo(400);
        assertThat(error().path("message").asText()).contains("websocket client");
    }

    @Test
    void aConnectionWithoutUpgradeIs400() throws Exception {
        MockHttpServletRequest request = handshake();
        request.removeHeader("Connection");
        request.addHeader("Connection", "close");

        assertThat(check(request)).isFalse();
        assertThat(servletResponse.getStatus()).isEqualTo(400);
        assertThat(error().path("message").asText()).contains("Connection");
    }

    @Test
    void aMissingKeyIs400() throws Exception {
        MockHttpServletRequest request = handshake();
        request.removeHeader("Sec-WebSocket-Key");

        assertThat(check(request)).isFalse();
        assertThat(servletResponse.getStatus()).isEqualTo(400);
        assertThat(error().path("message").asText()).contains("Sec-WebSocket-Key");
    }

    @Test
    void anotherVersionIs426NamingTheOneSupported() throws Exception {
        MockHttpServletRequest request = handshake();
        request.removeHeader("Sec-WebSocket-Version");
        request.addHeader("Sec-WebSocket-Version", "8");

        assertThat(check(request)).isFalse();
        assertThat(servletResponse.getStatus()).isEqualTo(426);
        assertThat(servletResponse.getHeader("Sec-WebSocket-Version")).isEqualTo("13");
        assertThat(error().path("error").asText()).isEqualTo("unsupported_websocket_version");
        assertThat(error().path("status").asInt()).isEqualTo(426);
    }

    @Test
    void theUpgradeHeaderIsCaseInsensitive() throws Exception {
        MockHttpServletRequest request = handshake();
        request.removeHeader("Upgrade");
        request.addHeader("Upgrade", "WebSocket");
        request.removeHeader("Connection");
        request.addHeader("Connection", "upgrade");

        assertThat(check(request)).isTrue();
    }
}
