package io.switchboard.vendor.callr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.call.CallEvent;
import io.switchboard.config.Source;
import io.switchboard.config.SwitchboardProperties;
import io.switchboard.ingress.InboundRequest;
import io.switchboard.ingress.Sources;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Fixture bodies, sources and requests shared by the CALLR tests. */
final class CallrFixtures {

    static final String SECRET = "switchboard-test-secret";
    static final Instant RECEIVED_AT = Instant.parse("2025-03-14T23:59:59.999Z");
    static final Source SOURCE = source("callr-main", SECRET, "SHA256");

    private static final ObjectMapper JSON = new ObjectMapper();

    private CallrFixtures() {}

    static Source source(String id, String secret, String algorithm) {
        return new Source(id, "callr", null, "FR", List.of(), "[0-9*#]{1,6}", null,
                new Source.CallrOptions(secret, algorithm), null);
    }

    static Source sourceWithLines(String... lines) {
        return new Source("callr-lines", "callr", null, "FR", List.of(lines), "[0-9*#]{1,6}", null,
                new Source.CallrOptions(SECRET, "SHA256"), null);
    }

    static Sources sources(Source... sources) {
        return new Sources(new SwitchboardProperties(null, "FR", null, Arrays.asList(sources)));
    }

    /** Raw bytes of {@code src/test/resources/fixtures/callr/<path>}. */
    static byte[] body(String path) {
        try (InputStream in = CallrFixtures.class.getResourceAsStream("/fixtures/callr/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture as an editable tree (to derive a variant of it). */
    static ObjectNode tree(String path) {
        try {
            return (ObjectNode) JSON.readTree(body(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(ObjectNode tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InboundRequest request(byte[] body, String signature) {
        Map<String, String> headers = signature == null ? Map.of() : Map.of("x-callr-hmacsignature", signature);
        return new InboundRequest("callr", null, "POST", null, "application/json", body, headers, RECEIVED_AT, null);
    }

    /** The one event {@link CallrDialect} makes of {@code body}. */
    static CallEvent translate(byte[] body, Source source) {
        List<CallEvent> events = new CallrDialect().translate(request(body, null), source);
        if (events.size() != 1) {
            throw new AssertionError("expected one event, got " + events);
        }
        return events.get(0);
    }

    static CallEvent translate(byte[] body) {
        return translate(body, SOURCE);
    }

    static CallEvent translate(String fixture) {
        return translate(body(fixture));
    }

    static CallEvent translate(ObjectNode tree) {
        return translate(bytes(tree));
    }
}
