package io.switchboard.vendor.telphin.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.vendor.api.VendorApiException;
import java.util.Optional;

/** Reading Telphin's JSON answers, including its error bodies. */
final class TelphinJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private TelphinJson() {}

    static Optional<JsonNode> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readTree(body));
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    static Optional<String> text(JsonNode node) {
        return node == null || !node.isValueNode() || node.isNull() || node.asText().isEmpty()
                ? Optional.empty()
                : Optional.of(node.asText());
    }

    /**
     * Adds the vendor's code and message from an error body: OAuth2 {@code {error, error_description}},
     * or API {@code {code?, message}} / {@code {detail}}; other bodies add nothing.
     */
    static VendorApiException.Builder withVendorError(VendorApiException.Builder failure, String body) {
        parse(body).filter(JsonNode::isObject).ifPresent(error -> {
            Optional<String> description = text(error.get("error_description"));
            Optional<String> message = description
                    .or(() -> text(error.get("message")))
                    .or(() -> text(error.get("detail")))
                    .or(() -> text(error.get("error")));
            Optional<String> code = description.isPresent() ? text(error.get("error")) : text(error.get("code"));
            code.ifPresent(failure::vendorCode);
            message.ifPresent(failure::vendorMessage);
        });
        return failure;
    }
}
