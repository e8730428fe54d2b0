package io.switchboard.crm;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.switchboard.call.CanonicalJson;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON body template filled from the canonical call with JSON pointers (RFC 6901).
 *
 * <p>The template is itself JSON. A string value that is exactly one placeholder
 * {@code "${/pointer}"} is replaced by the value at that pointer <em>with its JSON type</em>
 * (number, null, object, array); a string with text around placeholders becomes a string
 * ({@code "Call from ${/from}"}; a missing value gives an empty text). {@code "${}"} is the whole
 * call. A placeholder may end with one conversion: {@code |millis} (seconds → milliseconds),
 * {@code |epochMillis} (ISO time → epoch milliseconds), {@code |date} (ISO time → {@code YYYY-MM-DD}
 * UTC), {@code |lower}, {@code |upper}. Object keys are copied as they are.
 *
 * <p>Why not Mustache/FreeMarker: the result is always well-formed JSON (values are inserted as JSON
 * nodes, never pasted as text, so a caller name with a quote cannot break or inject into the body),
 * numbers stay numbers, and the syntax does not collide with Camel's {@code {{property}}}
 * placeholders in Kamelet parameters. An empty template means "the canonical call as it is".
 */
public final class CallTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(/[^}|]*)?(?:\\|([A-Za-z]+))?}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode template;

    private CallTemplate(JsonNode template) {
        this.template = template;
    }

    /**
     * Parses and checks a template: valid JSON, valid pointers, known conversions.
     *
     * @throws IllegalArgumentException saying what is wrong (a route fails to start with it)
     */
    public static CallTemplate parse(String text) {
        if (text == null || text.isBlank()) {
            return new CallTemplate(null);
        }
        JsonNode node;
        try {
            node = CanonicalJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("body template is not valid JSON: " + e.getOriginalMessage());
        }
        check(node);
        return new CallTemplate(node);
    }

    /** The body for {@code call} (canonical call JSON). */
    public String render(JsonNode call) {
        if (template == null) {
            return CanonicalJson.write(call);
        }
        return CanonicalJson.write(fill(template, call));
    }

    private static JsonNode fill(JsonNode node, JsonNode call) {
        if (node.isObject()) {
            ObjectNode out = NODES.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                out.set(field.getKey(), fill(field.getValue(), call));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            node.forEach(item -> out.add(fill(item, call)));
            return out;
        }
        if (node.isTextual()) {
            return fillText(node.asText(), call);
        }
        return node;
    }

    private static JsonNode fillText(String text, JsonNode call) {
        Matcher m = PLACEHOLDER.matcher(text);
        if (m.matches()) {
            return value(call, m.group(1), m.group(2));
        }
        StringBuilder out = new StringBuilder();
        int last = 0;
        m.reset();
        while (m.find()) {
            out.append(text, last, m.start());
            JsonNode v = value(call, m.group(1), m.group(2));
            if (!v.isNull() && !v.isMissingNode()) {
                out.append(v.isValueNode() ? v.asText() : CanonicalJson.write(v));
            }
            last = m.end();
        }
        if (last == 0) {
            return TextNode.valueOf(text);
        }
        out.append(text, last, text.length());
        return TextNode.valueOf(out.toString());
    }

    private static JsonNode value(JsonNode call, String pointer, String conversion) {
        JsonNode v = pointer == null ? call : call.at(JsonPointer.compile(pointer));
        if (v.isMissingNode() || v.isNull()) {
            return NODES.nullNode();
        }
        return conversion == null ? v : convert(v, conversion);
    }

    private static JsonNode convert(JsonNode v, String conversion) {
        return switch (conversion) {
            case "millis" -> v.isNumber() ? NODES.numberNode(v.asLong() * 1000) : NODES.nullNode();
            case "epochMillis" -> instant(v) == null ? NODES.nullNode() : NODES.numberNode(instant(v).toEpochMilli());
            case "date" -> instant(v) == null ? NODES.nullNode()
                    : TextNode.valueOf(instant(v).atOffset(ZoneOffset.UTC).toLocalDate().toString());
            case "lower" -> TextNode.valueOf(v.asText().toLowerCase(Locale.ROOT));
            case "upper" -> TextNode.valueOf(v.asText().toUpperCase(Locale.ROOT));
            default -> throw new IllegalStateException("unchecked conversion " + conversion);
        };
    }

    private static Instant instant(JsonNode v) {
        try {
            return v.isTextual() ? Instant.parse(v.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static final List<String> CONVERSIONS = List.of("millis", "epochMillis", "date", "lower", "upper");

    private static void check(JsonNode node) {
        List<String> problems = new ArrayList<>();
        collect(node, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("body template: " + String.join("; ", problems));
        }
    }

    private static void collect(JsonNode node, List<String> problems) {
        if (node.isContainerNode()) {
            node.forEach(child -> collect(child, problems));
            return;
        }
        if (!node.isTextual()) {
            return;
        }
        String text = node.asText();
        Matcher m = PLACEHOLDER.matcher(text);
        int placeholders = 0;
        while (m.find()) {
            placeholders++;
            if (m.group(2) != null && !CONVERSIONS.contains(m.group(2))) {
                problems.add("unknown conversion '|" + m.group(2) + "' (known: " + String.join(", ", CONVERSIONS) + ")");
            }
        }
        int opened = text.split("\\$\\{", -1).length - 1;
        if (opened != placeholders) {
            problems.add("'" + text + "' has a placeholder that is not ${/json/pointer} or ${/pointer|conversion}");
        }
    }
}
