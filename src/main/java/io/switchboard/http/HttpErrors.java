package io.switchboard.http;

import io.switchboard.call.CanonicalJson;
import io.switchboard.ingress.HttpReplies;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The hub's JSON error for a bare HTTP status, for the errors no route answers: those Tomcat
 * refuses before any servlet runs ({@link JsonErrorReportValve}) and those that reach
 * {@code /error} ({@link JsonErrorController}). Messages are fixed sentences: they never repeat the
 * request path (webhook paths carry source tokens) nor Tomcat's own message (which may quote it).
 */
final class HttpErrors {

    /** One error answer: {@code {"status", "error", "message"}}. */
    record Reply(int status, String code, String message) {

        Map<String, Object> body() {
            return HttpReplies.error(status, code, message);
        }

        String json() {
            return CanonicalJson.write(body());
        }
    }

    private static final Map<Integer, Reply> KNOWN = Map.ofEntries(
            known(400, "bad_request", "The request is malformed"),
            known(401, "unauthorized", "Authentication is required"),
            known(403, "forbidden", "This request is not allowed"),
            known(404, "not_found", "Nothing is served at this path (the API is described at /api/v1/openapi.json)"),
            known(405, "method_not_allowed", "This path does not accept this method"),
            known(406, "not_acceptable", "This API answers application/json"),
            known(408, "request_timeout", "The request took too long to arrive"),
            known(411, "length_required", "This request needs a Content-Length"),
            known(413, "payload_too_large", "The request body is too large"),
            known(414, "uri_too_long", "The request URL is too long"),
            known(415, "unsupported_media_type", "This endpoint does not accept this Content-Type"),
            known(417, "expectation_failed", "The Expect header cannot be met"),
            known(431, "request_header_fields_too_large", "The request headers are too large"),
            known(500, "internal_error", "Unexpected error"),
            known(501, "not_implemented", "The hub does not implement what this request needs (for example its Transfer-Encoding)"),
            known(503, "unavailable", "The hub cannot answer right now; retry later"),
            known(505, "http_version_not_supported", "This HTTP version is not supported; use HTTP/1.1"));

    private HttpErrors() {}

    private static Map.Entry<Integer, Reply> known(int status, String code, String message) {
        return Map.entry(status, new Reply(status, code, message));
    }

    /** The reply for {@code status}: a known code, else the status's reason in snake case. */
    static Reply forStatus(int status) {
        Reply known = KNOWN.get(status);
        if (known != null) {
            return known;
        }
        HttpStatus resolved = HttpStatus.resolve(status);
        if (resolved != null) {
            return new Reply(status, resolved.name().toLowerCase(Locale.ROOT), resolved.getReasonPhrase());
        }
        return new Reply(status, status >= 500 ? "server_error" : "client_error", "HTTP status " + status);
    }

    /**
     * {@link #forStatus} with what the answer's own headers add: the methods a 405 allows, the
     * types a 415 accepts (Spring MVC sets {@code Allow} and {@code Accept} before the error
     * dispatch; they are the hub's own values, never the caller's).
     */
    static Reply forStatus(int status, String allow, String accept) {
        Reply reply = forStatus(status);
        if (status == 405 && allow != null && !allow.isBlank()) {
            return new Reply(status, reply.code(), reply.message() + "; it allows " + allow);
        }
        if (status == 415 && accept != null && !accept.isBlank()) {
            return new Reply(status, reply.code(), reply.message() + "; send " + accept);
        }
        return reply;
    }

    /** Writes {@code reply} as the whole answer, keeping the headers already set (such as {@code Allow}). */
    static void write(HttpServletResponse response, Reply reply) throws IOException {
        HttpReplies.error(response, reply.status(), reply.code(), reply.message());
    }
}
