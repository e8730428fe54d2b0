package io.switchboard.vendor.udesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.switchboard.ingress.RejectedRequestException;
import java.io.IOException;

/** Reads udesk JSON bodies and the values behind configurable JSON pointers. */
final class UdeskJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private UdeskJson() {}

    /** The body as a JSON object; 400 when it is empty, malformed or not an object. */
    static JsonNode parseObject(byte[] body) {
        JsonNode node = tryParse(body);
        if (node == null || !node.isObject()) {
            throw RejectedRequestException.badRequest("malformed_json", "udesk callback body must be a JSON object");
        }
        return node;
    }

    /** The body as JSON, or null when it is empty or malformed. */
    static JsonNode tryParse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The value at {@code pointer} as text: strings as they are, numbers and booleans as written,
     * objects and arrays as JSON. Null when the pointer is blank, the value is absent, null or blank.
     * A pointer without its leading '/' is read as a top-level field name.
     */
    static String text(JsonNode root, String pointer) {
        if (root == null || pointer == null || pointer.isBlank()) {
            return null;
        }
        JsonNode node = root.at(pointer.startsWith("/") ? pointer : "/" + pointer);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        String text = node.isContainerNode() ? node.toString() : node.asText();
        return text.isBlank() ? null : text.trim();
    }
}
