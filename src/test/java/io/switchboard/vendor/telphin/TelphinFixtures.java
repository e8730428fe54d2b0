package io.switchboard.vendor.telphin;

import io.switchboard.call.CallEvent;
import io.switchboard.config.Source;
import io.switchboard.config.SwitchboardProperties;
import io.switchboard.ingress.InboundRequest;
import io.switchboard.ingress.Sources;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Loads the fixtures under {@code fixtures/telphin/} as requests and translates them. */
final class TelphinFixtures {

    static final String TOKEN = "tk-telphin-test-7Qm2";
    static final Instant RECEIVED_AT = Instant.parse("2024-11-23T09:00:00Z");
    static final Source SOURCE = new Source(
            "telphin-office", "telphin", TOKEN, "RU", List.of(), "[0-9*#]{1,6}", null, null, null);
    static final Source OTHER_VENDOR = new Source(
            "keyyo-main", "keyyo", "tk-keyyo-test-4Xr9", "FR", List.of(), "[0-9*#]{1,6}", null, null, null);
    static final TelphinDialect DIALECT = new TelphinDialect();

    private TelphinFixtures() {}

    static Sources sources() {
        return new Sources(new SwitchboardProperties(
                "http://localhost:8080", "RU", null, List.of(SOURCE, OTHER_VENDOR)));
    }

    /** The request a fixture file describes: GET for {@code .query}, form POST for {@code .form}. */
    static InboundRequest request(String path) {
        String text = read(path);
        return path.endsWith(".form") ? post(text) : get(text);
    }

    static InboundRequest get(String query) {
        return new InboundRequest("telphin", null, "GET", query, null, null, Map.of(), RECEIVED_AT, null);
    }

    static InboundRequest post(String form) {
        return new InboundRequest(
                "telphin", null, "POST", null, "application/x-www-form-urlencoded; charset=UTF-8",
                form.getBytes(StandardCharsets.UTF_8), Map.of(), RECEIVED_AT, null);
    }

    /** The one event a fixture translates to. */
    static CallEvent event(String path) {
        return translate(request(path));
    }

    static CallEvent translate(InboundRequest request) {
        List<CallEvent> events = DIALECT.translate(request, SOURCE);
        if (events.size() != 1) {
            throw new AssertionError("expected one event, got " + events);
        }
        return events.get(0);
    }

    /** The events of every fixture of {@code scenario}, in file-name order. */
    static List<CallEvent> scenario(String scenario) {
        List<CallEvent> events = new ArrayList<>();
        for (String file : files(scenario)) {
            events.add(event(scenario + "/" + file));
        }
        return events;
    }

    static List<String> files(String scenario) {
        try (Stream<Path> list = Files.list(Path.of(resource(scenario).toURI()))) {
            return list.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".query") || n.endsWith(".form"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String read(String path) {
        try (InputStream in = resource(path).openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL resource(String path) {
        URL url = TelphinFixtures.class.getResource("/fixtures/telphin/" + path);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + path);
        }
        return url;
    }

    static Instant micros(long epochMicros) {
        return Instant.ofEpochSecond(epochMicros / 1_000_000L, (epochMicros % 1_000_000L) * 1_000L);
    }
}
