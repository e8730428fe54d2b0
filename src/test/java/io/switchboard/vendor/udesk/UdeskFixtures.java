package io.switchboard.vendor.udesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.call.CallEvent;
import io.switchboard.config.Source;
import io.switchboard.config.Source.UdeskFields;
import io.switchboard.config.Source.UdeskOptions;
import io.switchboard.config.SwitchboardProperties;
import io.switchboard.ingress.InboundRequest;
import io.switchboard.ingress.Sources;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Shared test data: the fixture source, a fixed clock and fixture loading. */
final class UdeskFixtures {

    static final String APP_ID = "a54a8b77-f12d-4ac9-742d-5b2bef5c4d11";
    static final String SECRET = "udesk-fixture-secret";
    /** 2024-03-05T09:15:00Z: the first event of every fixture scenario. */
    static final Instant T0 = Instant.ofEpochMilli(1_709_630_100_000L);
    /** The hub's clock in tests: one minute after T0. */
    static final Instant NOW = T0.plusSeconds(60);
    static final String HOTLINE = "+8657128091649";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private UdeskFixtures() {}

    static Source source() {
        return source("udesk-cn", APP_ID, SECRET, UdeskFieldPaths.DEFAULTS);
    }

    static Source source(String id, String appId, String secret, UdeskFields fields) {
        return new Source(id, "udesk", null, "CN", List.of(), "[1-9]\\d{3}", null, null,
                new UdeskOptions(appId, secret, fields));
    }

    static SwitchboardProperties properties(Source... sources) {
        return new SwitchboardProperties("http://localhost:8080", "CN",
                new SwitchboardProperties.Ingress(262_144, Duration.ofMinutes(10), 512, Duration.ZERO, Duration.ZERO), List.of(sources));
    }

    static Sources sources(Source... sources) {
        return new Sources(properties(sources));
    }

    static UdeskDialect dialect() {
        return dialect(NOW);
    }

    static UdeskDialect dialect(Instant now) {
        return new UdeskDialect(properties(source()), Clock.fixed(now, ZoneOffset.UTC));
    }

    static byte[] fixture(String path) {
        try (InputStream in = UdeskFixtures.class.getResourceAsStream("/fixtures/udesk/" + path)) {
            assertThat(in).as("fixture %s", path).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String path) {
        try {
            return MAPPER.readTree(fixture(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The field pointers of the custom-paths scenario. */
    static UdeskFields customFields() {
        Map<String, String> f = MAPPER.convertValue(json("custom-paths/fields.json"), Map.class);
        return new UdeskFields(f.get("event"), f.get("callId"), f.get("timestamp"), f.get("direction"),
                f.get("caller"), f.get("called"), f.get("spNumber"), f.get("agentId"), f.get("hangupBy"),
                f.get("recordingUrl"), f.get("userData"), f.get("appId"), f.get("sign"), f.get("signTimestamp"));
    }

    static InboundRequest request(String query, byte[] body, Map<String, String> headers) {
        return new InboundRequest("udesk", null, "POST", query, "application/json;charset=utf-8", body, headers,
                NOW, null);
    }

    /** A fixture body signed in the query string with the current time in seconds. */
    static InboundRequest signed(byte[] body) {
        return request(UdeskSigner.query(APP_ID, SECRET, String.valueOf(NOW.getEpochSecond())), body, Map.of());
    }

    static InboundRequest body(String json) {
        return signed(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static CallEvent translateOne(String fixture) {
        List<CallEvent> events = dialect().translate(signed(fixture(fixture)), source());
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    static CallEvent translateJson(String json) {
        List<CallEvent> events = dialect().translate(body(json), source());
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    static List<CallEvent> scenario(String folder, String... files) {
        return java.util.Arrays.stream(files).map(f -> translateOne(folder + "/" + f + ".json")).toList();
    }
}
