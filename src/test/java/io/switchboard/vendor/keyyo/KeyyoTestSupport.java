package io.switchboard.vendor.keyyo;

import io.switchboard.call.CallEvent;
import io.switchboard.config.Source;
import io.switchboard.config.SwitchboardProperties;
import io.switchboard.ingress.InboundRequest;
import io.switchboard.ingress.Sources;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Sources, fixture loading and requests shared by the Keyyo tests. */
final class KeyyoTestSupport {

    static final String LINE_A = "33172587948";
    static final String LINE_B = "33172587949";
    static final String CALLER_X = "33612345678";
    static final String NUMBER_Y = "33145678901";
    static final String RECEPTION_R = "33975123456";
    static final String TOKEN = "k3yy0-s3cr3t-t0k3n-000111222333";
    static final Instant RECEIVED_AT = Instant.parse("2025-01-14T12:00:00Z");

    private KeyyoTestSupport() {}

    static Source source() {
        return source(List.of(LINE_A, LINE_B), KeyyoNotification.DEFAULT_NAMES);
    }

    static Source source(List<String> lines, Source.KeyyoOptions names) {
        return new Source("keyyo-paris", "keyyo", TOKEN, "FR", lines, "[0-9*#]{1,6}", names, null, null);
    }

    static Sources sources() {
        Source other = new Source("telphin-x", "telphin", "telphin-token", "RU", List.of(), "[0-9*#]{1,6}", null, null,
                null);
        return new Sources(new SwitchboardProperties("http://localhost", "FR", null, List.of(source(), other)));
    }

    static String fixture(String path) {
        try (InputStream in = KeyyoTestSupport.class.getResourceAsStream("/fixtures/keyyo/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InboundRequest get(String query) {
        return new InboundRequest("keyyo", "keyyo-paris", "GET", query, null, null, Map.of(), RECEIVED_AT, null);
    }

    static InboundRequest formPost(String query, String body) {
        return new InboundRequest("keyyo", "keyyo-paris", "POST", query, "application/x-www-form-urlencoded",
                body.getBytes(StandardCharsets.UTF_8), Map.of(), RECEIVED_AT, null);
    }

    static InboundRequest ctiPost(String query, String json) {
        return new InboundRequest("keyyo-cti", "keyyo-paris", "POST", query, "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), Map.of(), RECEIVED_AT, null);
    }

    /** Translates one server-notification fixture. */
    static CallEvent notification(String path) {
        List<CallEvent> events = new KeyyoDialect().translate(get(fixture(path)), source());
        if (events.size() != 1) {
            throw new AssertionError("expected one event, got " + events);
        }
        return events.get(0);
    }

    static List<CallEvent> notifications(String... paths) {
        List<CallEvent> events = new ArrayList<>();
        for (String path : paths) {
            events.add(notification(path));
        }
        return events;
    }

    /** Translates one CTI fixture. */
    static CallEvent cti(String path) {
        return cti(path, null);
    }

    static CallEvent cti(String path, String query) {
        List<CallEvent> events = new KeyyoCtiDialect().translate(ctiPost(query, fixture(path)), source());
        if (events.size() != 1) {
            throw new AssertionError("expected one event, got " + events);
        }
        return events.get(0);
    }
}
