package io.switchboard.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.call.CanonicalJson;
import io.switchboard.crm.DryRunRecorder;
import io.switchboard.feed.CallFeed;
import io.switchboard.feed.DeliveryStatus;
import io.switchboard.ingress.HttpReplies;
import io.switchboard.ingress.RejectedRequestException;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The deliveries API: list deliveries (failed ones first of all), replay one, a call's, or every
 * one since a time; the recent dry-run writes of CRM sinks. Scope {@code admin}. Documented in
 * docs/crm/delivery.md and the OpenAPI document.
 */
@Component("deliveryApi")
class DeliveryApi {

    private static final Set<String> LIST_FILTERS = Set.of("status", "subscription", "callId", "since", "offset", "limit");
    private static final Set<String> REPLAY_FIELDS = Set.of("subscription", "callId", "since", "status");
    private static final int MAX_DRY_RUNS = 200;

    private final CallFeed feed;
    private final DryRunRecorder dryRuns;
    private final Clock clock;

    DeliveryApi(CallFeed feed, DryRunRecorder dryRuns, Clock clock) {
        this.feed = feed;
        this.dryRuns = dryRuns;
        this.clock = clock;
    }

    public void list(Exchange exchange) {
        QueryParams p = QueryParams.parse(exchange.getMessage().getHeader(Exchange.HTTP_QUERY, String.class), LIST_FILTERS);
        CallFeed.DeliveryQuery query = new CallFeed.DeliveryQuery(
                p.enumValue("status", DeliveryStatus.class),
                p.text("subscription"),
                p.text("callId"),
                p.instant("since"),
                p.integer("offset", 0, 0, Integer.MAX_VALUE),
                p.integer("limit", QueryParams.DEFAULT_LIMIT, 1, QueryParams.MAX_LIMIT));
        HttpReplies.json(exchange, 200, feed.search(query));
    }

    public void replayOne(Exchange exchange) {
        String raw = exchange.getMessage().getHeader("id", String.class);
        long id;
        try {
            id = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw RejectedRequestException.badRequest("invalid_parameter", "Delivery id must be a whole number, was '" + raw + "'");
        }
        if (!feed.replay(id, clock.instant())) {
            throw RejectedRequestException.notFound("delivery_not_found", "No delivery with id " + id);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("replayed", 1);
        body.put("delivery", feed.find(id).orElse(null));
        HttpReplies.json(exchange, 200, body);
    }

    public void replay(Exchange exchange) {
        CallFeed.ReplaySelection selection = selection(exchange.getMessage().getBody(String.class));
        int replayed = feed.replay(selection, clock.instant());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("replayed", replayed);
        body.put("subscription", selection.subscription());
        body.put("callId", selection.callId());
        body.put("since", selection.since());
        body.put("statuses", selection.statuses());
        HttpReplies.json(exchange, 200, body);
    }

    public void dryRuns(Exchange exchange) {
        QueryParams p = QueryParams.parse(exchange.getMessage().getHeader(Exchange.HTTP_QUERY, String.class), Set.of("limit"));
        int limit = p.integer("limit", QueryParams.DEFAULT_LIMIT, 1, MAX_DRY_RUNS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", dryRuns.recent(limit));
        HttpReplies.json(exchange, 200, body);
    }

    /** {@code {"subscription": "...", "callId": "..."}} or {@code {"subscription": "...", "since": "..."}}, optional {@code status}. */
    static CallFeed.ReplaySelection selection(String json) {
        JsonNode body = parse(json);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!REPLAY_FIELDS.contains(name)) {
                throw RejectedRequestException.badRequest("unknown_field",
                        "Unknown field '" + name + "'; allowed: callId, since, status, subscription");
            }
        }
        String subscription = text(body, "subscription");
        if (subscription == null) {
            throw RejectedRequestException.badRequest("missing_field", "Field 'subscription' is required");
        }
        String callId = text(body, "callId");
        String sinceText = text(body, "since");
        if ((callId == null) == (sinceText == null)) {
            throw RejectedRequestException.badRequest(
                    "invalid_request", "Give exactly one of 'callId' (replay one call) or 'since' (replay every call since)");
        }
        Instant since = null;
        if (sinceText != null) {
            try {
                since = Instant.parse(sinceText);
            } catch (DateTimeParseException e) {
                throw RejectedRequestException.badRequest(
                        "invalid_field", "Field 'since' must be an ISO-8601 UTC time such as 2026-11-23T10:00:00Z");
            }
            if (!QueryParams.inRange(since)) {
                throw RejectedRequestException.badRequest(
                        "invalid_field", "Field 'since' must be a time in the years 0001 to 9999");
            }
        }
        return new CallFeed.ReplaySelection(subscription, callId, since, statuses(body.get("status")));
    }

    private static Set<DeliveryStatus> statuses(JsonNode node) {
        if (node == null || node.isNull()) {
            return EnumSet.of(DeliveryStatus.DEAD, DeliveryStatus.DELIVERED);
        }
        List<JsonNode> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(values::add);
        } else {
            values.add(node);
        }
        Set<DeliveryStatus> statuses = EnumSet.noneOf(DeliveryStatus.class);
        for (JsonNode value : values) {
            String v = value.isTextual() ? value.asText() : "";
            if (!v.equals("DEAD") && !v.equals("DELIVERED")) {
                throw RejectedRequestException.badRequest(
                        "invalid_field", "Field 'status' must be \"DEAD\", \"DELIVERED\" or a list of them");
            }
            statuses.add(DeliveryStatus.valueOf(v));
        }
        if (statuses.isEmpty()) {
            throw RejectedRequestException.badRequest("invalid_field", "Field 'status' must not be an empty list");
        }
        return statuses;
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            throw RejectedRequestException.badRequest("invalid_json", "The request body must be a JSON object");
        }
        try {
            JsonNode node = CanonicalJson.MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                throw RejectedRequestException.badRequest("invalid_json", "The request body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw RejectedRequestException.badRequest("invalid_json", "The request body is not valid JSON");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw RejectedRequestException.badRequest("invalid_field", "Field '" + field + "' must be a non-empty string");
        }
        String text = v.asText().strip();
        if (QueryParams.hasControlCharacter(text)) {
            throw RejectedRequestException.badRequest("invalid_field", "Field '" + field + "' must not contain control characters");
        }
        return text;
    }
}
