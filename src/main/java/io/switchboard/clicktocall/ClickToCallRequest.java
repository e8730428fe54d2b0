package io.switchboard.clicktocall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.call.CanonicalJson;
import io.switchboard.ingress.RejectedRequestException;
import java.util.Iterator;
import java.util.Set;

/**
 * The body of {@code POST /api/v1/click-to-call}: {@code {"line"|"agent", "number", "displayName"?,
 * "tag"?}}. Every mistake is a 400 naming the field.
 */
public record ClickToCallRequest(String line, String agent, String number, String displayName, String tag) {

    static final Set<String> FIELDS = Set.of("line", "agent", "number", "displayName", "tag");
    static final int MAX_TEXT = 64;

    public static ClickToCallRequest parse(String body) {
        if (body == null || body.isBlank()) {
            throw RejectedRequestException.badRequest("missing_body",
                    "Send a JSON object: {\"line\" or \"agent\", \"number\", \"displayName\"?, \"tag\"?}");
        }
        JsonNode json;
        try {
            json = CanonicalJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw RejectedRequestException.badRequest("malformed_json", "The body is not valid JSON");
        }
        if (json == null || !json.isObject()) {
            throw RejectedRequestException.badRequest("malformed_json", "The body must be a JSON object");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw RejectedRequestException.badRequest("unknown_field",
                        "Unknown field '" + name + "'; allowed: agent, displayName, line, number, tag");
            }
        }
        ClickToCallRequest request = new ClickToCallRequest(
                text(json, "line"), text(json, "agent"), text(json, "number"), text(json, "displayName"), text(json, "tag"));
        if (request.line() == null && request.agent() == null) {
            throw RejectedRequestException.badRequest("missing_field", "Give the calling 'line' or 'agent'");
        }
        if (request.number() == null) {
            throw RejectedRequestException.badRequest("missing_field", "Give the 'number' to call");
        }
        return request;
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw RejectedRequestException.badRequest("invalid_field", "Field '" + field + "' must be a string");
        }
        String value = node.asText().strip(); // whitespace only: trim() would drop a trailing control character unseen
        if (value.length() > MAX_TEXT) {
            throw RejectedRequestException.badRequest("invalid_field",
                    "Field '" + field + "' is longer than " + MAX_TEXT + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw RejectedRequestException.badRequest("invalid_field", "Field '" + field + "' contains control characters");
        }
        return value.isEmpty() ? null : value;
    }
}
