package io.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.call.CanonicalJson;
import io.switchboard.ingress.IngressMetrics;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class JsonErrorControllerTest {

    private final IngressMetrics metrics = mock(IngressMetrics.class);
    private final JsonErrorController controller = new JsonErrorController(metrics);

    @Test
    void keepsTheStatusAndNamesItsCode() {
        assertThat(JsonErrorController.reply(404, "/api/v1/nope", null, null))
                .isEqualTo(new HttpErrors.Reply(404, "not_found", HttpErrors.forStatus(404).message()));
        assertThat(JsonErrorController.reply(406, "/api/v1/calls", null, null).message()).isEqualTo("This API answers application/json");
        assertThat(JsonErrorController.reply(500, "/webhooks/callr", null, null).code()).isEqualTo("internal_error");
        assertThat(JsonErrorController.reply(413, "/webhooks/callr", null, null).code()).isEqualTo("payload_too_large");
        assertThat(JsonErrorController.reply(400, "/", null, null).code()).isEqualTo("bad_request");
        assertThat(JsonErrorController.reply(503, "/", null, null).code()).isEqualTo("unavailable");
        // a status with no entry of its own: the reason phrase, in snake case
        assertThat(JsonErrorController.reply(409, "/", null, null).code()).isEqualTo("conflict");
        assertThat(JsonErrorController.reply(499, "/", null, null).code()).isEqualTo("client_error");
    }

    @Test
    void directRequestToErrorIs404AndAnErrorBelow400IsA500() {
        assertThat(JsonErrorController.reply(null, null, null, null).status()).isEqualTo(404);
        assertThat(JsonErrorController.reply(200, "/x", null, null).status()).isEqualTo(500);
    }

    @Test
    void namesTheAllowedMethodsAndAcceptedTypesFromTheAnswersOwnHeaders() {
        assertThat(JsonErrorController.reply(405, "/webhooks/keyyo/t", "GET, POST", null).message()).endsWith("it allows GET, POST");
        assertThat(JsonErrorController.reply(415, "/api/v1/click-to-call", null, "application/json").message())
                .endsWith("send application/json");
        assertThat(JsonErrorController.reply(405, "/x", null, null).message()).isEqualTo(HttpErrors.forStatus(405).message());
    }

    @Test
    void tokenFeedsWithoutTokenAre401MissingToken() {
        for (String path : new String[] {"/webhooks/keyyo", "/webhooks/keyyo/", "/webhooks/keyyo//", "/webhooks/keyyo-cti/",
                "/webhooks/telphin"}) {
            HttpErrors.Reply reply = JsonErrorController.reply(404, path, null, null);
            assertThat(reply.status()).as(path).isEqualTo(401);
            assertThat(reply.code()).as(path).isEqualTo("missing_token");
        }
        // a token is there (the 404 is about the rest of the path), or the vendor takes no token in its path
        for (String path : new String[] {"/webhooks/keyyo/secret/", "/webhooks/keyyo/secret/x", "/webhooks/callr/", "/webhooks/udesk/",
                "/webhooks/keyyox", "/api/webhooks/keyyo"}) {
            assertThat(JsonErrorController.reply(404, path, null, null).code()).as(path).isEqualTo("not_found");
        }
        // only a 404 becomes missing_token: a 405 keeps its answer
        assertThat(JsonErrorController.reply(405, "/webhooks/keyyo/", "GET", null).code()).isEqualTo("method_not_allowed");
    }

    @Test
    void writesJsonWhateverTheAcceptHeaderAndKeepsTheAnswersHeaders() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/error");
        request.addHeader("Accept", "text/html");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 405);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/webhooks/keyyo/secret-token");
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setHeader("Allow", "GET, POST");
        response.setContentType("text/html");

        controller.error(request, response);

        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getContentType()).isEqualTo("application/json");
        assertThat(response.getHeader("Allow")).isEqualTo("GET, POST");
        JsonNode body = CanonicalJson.MAPPER.readTree(response.getContentAsString());
        assertThat(body.path("status").asInt()).isEqualTo(405);
        assertThat(body.path("error").asText()).isEqualTo("method_not_allowed");
        assertThat(body.size()).isEqualTo(3);
        assertThat(response.getContentAsString()).doesNotContain("secret-token").doesNotContain("webhooks");
        verifyNoInteractions(metrics);
    }

    @Test
    void aServletErrorIsA500WithoutDetails() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("boom at /webhooks/keyyo/secret"));
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/webhooks/keyyo/secret");
        MockHttpServletResponse response = new MockHttpServletResponse();

        controller.error(request, response);

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentAsString()).isEqualTo("{\"status\":500,\"error\":\"internal_error\",\"message\":\"Unexpected error\"}");
    }

    @Test
    void countsAMissingTokenAsARejectedWebhook() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 404);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/webhooks/telphin/");
        MockHttpServletResponse response = new MockHttpServletResponse();

        controller.error(request, response);

        assertThat(response.getStatus()).isEqualTo(401);
        verify(metrics).rejected("telphin", "missing_token", 401);
    }

    @Test
    void directRequestWritesA404() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        controller.error(new MockHttpServletRequest("GET", "/error"), response);
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(CanonicalJson.MAPPER.readTree(response.getContentAsString()).path("error").asText()).isEqualTo("not_found");
    }

    @Test
    void multipartIsAnyMultipartType() {
        assertThat(HttpErrorConfiguration.MultipartRefusal.isMultipart("multipart/form-data")).isTrue();
        assertThat(HttpErrorConfiguration.MultipartRefusal.isMultipart(" Multipart/Mixed; boundary=x")).isTrue();
        assertThat(HttpErrorConfiguration.MultipartRefusal.isMultipart("application/json")).isFalse();
        assertThat(HttpErrorConfiguration.MultipartRefusal.isMultipart("application/x-www-form-urlencoded")).isFalse();
        assertThat(HttpErrorConfiguration.MultipartRefusal.isMultipart(null)).isFalse();
    }
}
