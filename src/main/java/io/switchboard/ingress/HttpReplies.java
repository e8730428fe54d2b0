package io.switchboard.ingress;

import io.switchboard.call.CanonicalJson;
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
}
