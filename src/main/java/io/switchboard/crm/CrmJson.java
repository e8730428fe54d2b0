package io.switchboard.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.vendor.api.VendorApiException;
import java.util.Optional;

/** JSON helpers of the CRM connectors, including reading each CRM's error bodies. */
public final class CrmJson {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private CrmJson() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("CRM request body cannot be written", e);
        }
    }

    public static Optional<JsonNode> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readTree(body));
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    public static Optional<String> text(JsonNode node) {
        return node == null || !node.isValueNode() || node.isNull() || node.asText().isEmpty()
                ? Optional.empty()
                : Optional.of(node.asText());
    }

    /**
     * Adds the CRM's code and message from an error body. Understands HubSpot
     * {@code {message, category}}, Salesforce {@code [{message, errorCode}]}, Pipedrive
     * {@code {success:false, error, errorCode}}, Zoho {@code {code, message}} and
     * {@code {data:[{code, message}]}}, OAuth2 {@code {error, error_description}}.
     */
    private static JsonNode errorObject(JsonNode root) {
        if (root.isArray() && !root.isEmpty()) {
            return root.get(0);
        }
        if (root.path("data").isArray() && !root.path("data").isEmpty()) {
            return root.path("data").get(0);
        }
        return root;
    }

    public static VendorApiException.Builder withVendorError(VendorApiException.Builder failure, String body) {
        Optional<JsonNode> error = parse(body).map(CrmJson::errorObject).filter(JsonNode::isObject);
        if (error.isEmpty()) {
            return failure;
        }
        JsonNode e = error.get();
        Optional<String> description = text(e.get("error_description"));
        Optional<String> message = description.or(() -> text(e.get("message"))).or(() -> text(e.get("error")));
        Optional<String> code = description.isPresent()
                ? text(e.get("error"))
                : text(e.get("errorCode"))
                        .or(() -> text(e.get("code")))
                        .or(() -> text(e.get("category")))
                        .or(() -> text(e.get("errorType")));
        code.ifPresent(failure::vendorCode);
        message.ifPresent(failure::vendorMessage);
        return failure;
    }
}
