package io.switchboard.crm;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.switchboard.ChildHub;
import io.switchboard.call.CanonicalJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash test: the hub runs as its own JVM on an H2 file journal, delivering ended calls to a slow
 * receiver (WireMock, 1 s per answer, two at a time); it is killed ({@code destroyForcibly}, SIGKILL: no
 * shutdown hook, no H2 close) while deliveries are pending and in flight, then started again on the
 * same journal. Every call must reach the receiver, and exactly once per Idempotency-Key: a request
 * that was in flight at the kill may arrive twice, but always with the same key and body, so a
 * receiver that dedupes on the key (as the docs require) applies each call exactly once. Afterwards
 * the journal shows every delivery DELIVERED.
 */
class DeliveryCrashIT {

    private static final int CALLS = 40;
    private static final String TOKEN = "demo-telphin-token-change-me";

    @RegisterExtension
    static WireMockExtension receiver = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(20))
            .build();

    @TempDir
    Path dir;

    private ChildHub hub;

    @AfterEach
    void stopHub() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void pendingDeliveriesSurviveAKillAndReachTheReceiverOncePerKey() throws Exception {
        // First run: a slow receiver (1 s per answer, two at a time), so the kill finds most calls undelivered.
        receiver.stubFor(post("/crash").willReturn(ok().withFixedDelay(1000)));
        Path route = writeRoute();
        int port = ChildHub.freePort();
        String base = "http://127.0.0.1:" + port;

        hub = start(route, port, "hub-1.log");
        TelphinCalls telphin = new TelphinCalls(base, TOKEN);
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < CALLS; i++) {
            sent.add(telphin.answeredCall());
        }
        // Every call is journaled; some deliveries done, many still to do: kill now, with no grace
        // period (the journal runs with WRITE_DELAY=0, as shipped: a commit is in the file when it
        // returns).
        await().atMost(Duration.ofSeconds(60)).until(() -> endedCalls(base) == CALLS);
        await().atMost(Duration.ofSeconds(30)).until(() -> received().size() >= 4);
        hub.kill();
        int beforeKill = received().size();
        assertThat(beforeKill).as("deliveries done before the kill").isLessThan(CALLS);

        // Second run: the receiver answers in 20 ms.
        receiver.stubFor(post("/crash").willReturn(ok().withFixedDelay(20)));
        hub = start(route, port, "hub-2.log");
        await().atMost(Duration.ofSeconds(90)).until(() -> vendorIds(received()).containsAll(sent));
        hub.stop(Duration.ofSeconds(30)); // a clean stop, so the journal file can be opened below

        List<LoggedRequest> all = received();
        Map<String, List<LoggedRequest>> byKey = all.stream()
                .collect(Collectors.groupingBy(r -> r.getHeader("Idempotency-Key"), TreeMap::new, Collectors.toList()));
        assertThat(byKey).hasSize(CALLS);
        assertThat(vendorIds(all)).isEqualTo(sent);
        byKey.forEach((key, requests) -> assertThat(requests.stream().map(LoggedRequest::getBodyAsString).distinct())
                .as("every request with key %s carries the same call", key)
                .hasSize(1));
        int duplicates = all.size() - CALLS;
        assertThat(duplicates).as("only deliveries in flight or not yet marked at the kill are repeated")
                .isLessThanOrEqualTo(beforeKill);
        System.out.printf("crash test: %d calls, %d delivered before the kill, %d repeated after it%n", CALLS, beforeKill,
                duplicates);
        assertThat(deliveryStatuses()).containsExactly(Map.entry("DELIVERED", CALLS));
    }

    private Path writeRoute() throws IOException {
        String yaml = """
                - route:
                    id: crash-test
                    from:
                      uri: kamelet:switchboard-call-source
                      parameters:
                        subscription: crash-test
                        states: ENDED
                        vendors: telphin
                        concurrency: 2
                        initialBackoff: 100
                        maxBackoff: 500
                        pollDelay: 20
                      steps:
                        - to:
                            uri: kamelet:webhook-call-sink
                            parameters:
                              url: http://127.0.0.1:%d/crash
                              secret: crash-test-secret
                              bodyTemplate: '{"callId": "${/id}", "vendorCallId": "${/vendorCallId}"}'
                """.formatted(receiver.getPort());
        Path file = dir.resolve("crash-route.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    /** The hub in a new JVM with the test classpath, the shipped config and routes, plus the crash route. */
    private ChildHub start(Path route, int port, String log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), "io.switchboard.SwitchboardApplication",
                "--spring.profiles.active=test",
                "--spring.datasource.url=" + jdbcUrl(),
                "--server.port=" + port,
                "--camel.main.routes-include-pattern=file:routes/*.yaml,file:" + route.toAbsolutePath(),
                "--logging.level.io.switchboard=WARN"));
        return ChildHub.start(new ProcessBuilder(command), port, dir.resolve(log), Duration.ofSeconds(90));
    }

    private String jdbcUrl() {
        return "jdbc:h2:file:" + dir.resolve("journal").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    private Map<String, Integer> deliveryStatuses() throws Exception {
        Map<String, Integer> statuses = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "sa", "");
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT status, COUNT(*) FROM feed_deliveries WHERE subscription = 'crash-test' GROUP BY status")) {
            while (rs.next()) {
                statuses.put(rs.getString(1), rs.getInt(2));
            }
        }
        return statuses;
    }

    private static List<LoggedRequest> received() {
        return receiver.findAll(postRequestedFor(urlEqualTo("/crash")));
    }

    private static Set<String> vendorIds(List<LoggedRequest> requests) {
        Set<String> ids = new HashSet<>();
        for (LoggedRequest r : requests) {
            try {
                JsonNode body = CanonicalJson.MAPPER.readTree(r.getBodyAsString());
                ids.add(body.get("vendorCallId").asText());
            } catch (IOException e) {
                throw new AssertionError("receiver got a body that is not JSON: " + r.getBodyAsString(), e);
            }
        }
        return ids;
    }

    private static int endedCalls(String base) throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/calls?vendor=telphin&state=ENDED&limit=1"))
                        .header("Authorization", "Bearer " + io.switchboard.HubIntegrationTest.TEST_API_KEY)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return page.statusCode() == 200 ? CanonicalJson.MAPPER.readTree(page.body()).get("total").asInt() : -1;
    }
}
