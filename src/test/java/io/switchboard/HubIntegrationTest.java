package io.switchboard;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.call.CanonicalJson;
import io.switchboard.config.Source;
import io.switchboard.ingress.Sources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole hub on a random port with its shipped configuration and a private in-memory journal;
 * tests talk to it over real HTTP, like a vendor and an API client would.
 */
@SpringBootTest(classes = SwitchboardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class HubIntegrationTest {

    protected static final Duration WAIT = Duration.ofSeconds(15);

    /** The test profile's API key with every scope ({@code admin}); get/post send it by default. */
    public static final String TEST_API_KEY = "sb_test_admin_key_0123456789";

    @LocalServerPort
    protected int port;

    @Autowired
    protected Sources sources;

    private final HttpClient http = HttpClient.newHttpClient();

    protected Source source(String id) {
        return sources.byId(id).orElseThrow();
    }

    protected HttpResponse<String> get(String pathAndQuery) {
        return get(pathAndQuery, Map.of("Authorization", "Bearer " + TEST_API_KEY));
    }

    /** GET with exactly these headers (no default API key). */
    protected HttpResponse<String> get(String pathAndQuery, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    protected HttpResponse<String> post(String pathAndQuery, String contentType, String body, Map<String, String> headers) {
        return post(pathAndQuery, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** POST of exactly these bytes (e.g. not valid UTF-8); the default API key unless the headers hold one. */
    protected HttpResponse<String> post(String pathAndQuery, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Authorization") || h.equalsIgnoreCase("X-Api-Key"))) {
            request.header("Authorization", "Bearer " + TEST_API_KEY);
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    protected static JsonNode json(HttpResponse<String> response) {
        try {
            return CanonicalJson.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code GET /api/v1/calls?query} returns exactly one call and it satisfies {@code ready}. */
    protected JsonNode awaitSingleCall(String query, Predicate<JsonNode> ready) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode page = json(get("/api/v1/calls?" + query));
            if (page.path("total").asInt() != 1) {
                return false;
            }
            found.set(page.path("items").get(0));
            return ready.test(found.get());
        });
        return found.get();
    }

    protected static String fixture(String path) {
        try {
            return Files.readString(Path.of("src/test/resources/fixtures", path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    protected HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
