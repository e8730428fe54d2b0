package io.switchboard.ingress;

import io.switchboard.call.CanonicalJson;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Writes JSON replies. Clears every header first, so a reply never echoes request headers or
 * internal exchange headers (platform-http returns whatever headers the message carries).
 */
public final class HttpReplies {

    private HttpReplies() {}

    public static void json(Exchange exchange, int status, Object body) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(body instanceof String s ? s : CanonicalJson.write(body));
    }

    /** The error body every 4xx/5xx of the hub uses: {@code {"status", "error", "message"}}. */
    public static Map<String, Object> error(int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", code);
        body.put("message", message);
        return body;
    }

    /**
     * Writes {@link #error} as the whole answer of a servlet response, for the errors answered
     * before or around the routes (filters, the platform-http consumer, the error page). Headers set
     * before (such as {@code Allow} or {@code WWW-Authenticate}) are kept; the Content-Type is replaced.
     */
    public static void error(HttpServletResponse response, int status, String code, String message) throws IOException {
        String json = CanonicalJson.write(error(status, code, message));
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        try {
            OutputStream out = response.getOutputStream();
            out.write(body);
            out.flush();
        } catch (IllegalStateException writerInUse) {
            // something already took the writer for this answer (an error dispatch)
            response.getWriter().write(json);
            response.getWriter().flush();
        }
    }
}
