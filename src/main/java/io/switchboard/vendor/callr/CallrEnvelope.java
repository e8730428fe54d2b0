package io.switchboard.vendor.callr;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.switchboard.ingress.RejectedRequestException;
import java.io.IOException;
import java.time.Instant;

/**
 * The CALLR webhook envelope ({@code Webhook.Event}): {@code type}, {@code data}, {@code event_id},
 * {@code event_at}, {@code hook_hash} (null for dynamic hooks) and {@code try} (push attempt, from
 * 0; a retry carries the same {@code event_id}).
 *
 * @param eventAt null when the envelope has none
 * @param hookHash null for dynamic hooks
 */
record CallrEnvelope(String type, JsonNode data, String eventId, Instant eventAt, String hookHash) {

    private static final ObjectMapper JSON =
            JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    static CallrEnvelope parse(byte[] body) {
        JsonNode root = readTree(body);
        String type = CallrFields.text(root, "type");
        if (type == null) {
            throw missing("type");
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw missing("data");
        }
        String eventId = CallrFields.text(root, "event_id");
        if (eventId == null) {
            throw missing("event_id");
        }
        String eventAt = CallrFields.text(root, "event_at");
        return new CallrEnvelope(
                type,
                data,
                eventId,
                eventAt == null ? null : CallrFields.eventTime(eventAt),
                CallrFields.text(root, "hook_hash"));
    }

    private static JsonNode readTree(byte[] body) {
        try {
            JsonNode root = body.length == 0 ? null : JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw RejectedRequestException.badRequest("malformed_body", "The body is not a JSON object");
            }
            return root;
        } catch (JacksonException e) {
            throw RejectedRequestException.badRequest("malformed_body", "The body is not valid JSON");
        } catch (IOException e) {
            throw RejectedRequestException.badRequest("malformed_body", "The body could not be read");
        }
    }

    private static RejectedRequestException missing(String field) {
        String what = field.equals("data") ? "missing or non-object " : "missing ";
        return RejectedRequestException.badRequest("missing_field", what + field);
    }
}
