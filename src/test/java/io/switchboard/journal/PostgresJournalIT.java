package io.switchboard.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.SwitchboardApplication;
import io.switchboard.call.CanonicalJson;
import io.switchboard.ingress.Sources;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hub on a real PostgreSQL server: Flyway schema, every journal query, the number-matching
 * path (Keyyo without CALLREF), the call feed, and a restart on the same database.
 *
 * <p>Needs {@code SWITCHBOARD_TEST_POSTGRES_URL} (e.g. {@code jdbc:postgresql://localhost/switchboard?user=..&password=..});
 * {@code .ci/run} installs and starts PostgreSQL and sets it. Without it the test is skipped on a
 * developer machine, and fails under CI so a missing database cannot pass silently.
 */
class PostgresJournalIT {

    private static final List<String> DELIVERED = new CopyOnWriteArrayList<>();
    private static String url;
    private static String schema;

    @BeforeAll
    static void database() {
        url = System.getenv("SWITCHBOARD_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI must provide SWITCHBOARD_TEST_POSTGRES_URL (see .ci/run)");
            }
            Assumptions.abort("SWITCHBOARD_TEST_POSTGRES_URL not set: PostgreSQL journal test skipped");
        }
        schema = "sb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static ConfigurableApplicationContext startHub() {
        String separator = url.contains("?") ? "&" : "?";
        return new SpringApplicationBuilder(SwitchboardApplication.class)
                .profiles("test")
                .run(
                        "--spring.datasource.url=" + url + separator + "currentSchema=" + schema,
                        "--spring.flyway.schemas=" + schema,
                        "--server.port=0");
    }

    @Test
    void theJournalWorksAndSurvivesARestartOnPostgres() throws Exception {
        String callId;
        try (ConfigurableApplicationContext hub = startHub()) {
            addSubscriber(hub);
            Sources sources = hub.getBean(Sources.class);
            String telphin = "/webhooks/telphin/" + sources.byId("telphin-demo").orElseThrow().token();
            String keyyo = "/webhooks/keyyo/" + sources.byId("keyyo-demo").orElseThrow().token();
            for (String step : List.of("01-dial-in", "02-answer", "03-hangup", "03-hangup")) {
                assertThat(get(hub, telphin + "?" + fixture("telphin/inbound-answered/" + step + ".query"))).isEqualTo(200);
            }
            for (String step : List.of("01-setup", "02-connect", "03-release")) {
                assertThat(get(hub, keyyo + "?" + fixture("keyyo/minimal-template/" + step + ".query"))).isEqualTo(200);
            }

            await().atMost(Duration.ofSeconds(20)).until(() -> DELIVERED.size() == 2);
            JsonNode telphinCalls = api(hub, "/api/v1/calls?vendor=telphin&number=%2B79161234567&state=ENDED");
            assertThat(telphinCalls.path("total").asInt()).isEqualTo(1);
            assertThat(telphinCalls.path("items").get(0).path("outcome").asText()).isEqualTo("ANSWERED");
            JsonNode keyyoCalls = api(hub, "/api/v1/calls?vendor=keyyo&number=0612345678&outcome=ANSWERED");
            assertThat(keyyoCalls.path("total").asInt()).isEqualTo(1);
            callId = telphinCalls.path("items").get(0).path("id").asText();
            assertThat(api(hub, "/api/v1/calls/" + callId).path("events")).hasSize(3);
            assertThat(api(hub, "/api/v1/events?vendor=telphin&limit=10").path("total").asInt()).isEqualTo(3);

            // What PostgreSQL itself would refuse (NUL in text, years past its range) is a 400 before the query.
            for (String bad : List.of("/api/v1/calls?vendor=tel%00phin", "/api/v1/calls?line=%00",
                    "/api/v1/events?callId=a%00b", "/api/v1/events?type=%00",
                    "/api/v1/calls?since=%2B300000-01-01T00:00:00Z", "/api/v1/events?until=-100000-01-01T00:00:00Z",
                    "/api/v1/deliveries?subscription=pg%00test", "/api/v1/deliveries?since=%2B300000-01-01T00:00:00Z")) {
                HttpResponse<String> response = send(hub, bad);
                assertThat(response.statusCode()).as(bad).isEqualTo(400);
                assertThat(CanonicalJson.MAPPER.readTree(response.body()).path("error").asText()).as(bad).isEqualTo("invalid_parameter");
            }
            for (String bad : List.of("{\"subscription\":\"pg\\u0000test\",\"callId\":\"x\"}",
                    "{\"subscription\":\"pg-test\",\"callId\":\"a\\u0000\"}",
                    "{\"subscription\":\"pg-test\",\"since\":\"+300000-01-01T00:00:00Z\"}")) {
                HttpResponse<String> response = post(hub, "/api/v1/deliveries/replay", bad);
                assertThat(response.statusCode()).as(bad).isEqualTo(400);
                assertThat(CanonicalJson.MAPPER.readTree(response.body()).path("error").asText()).as(bad).isEqualTo("invalid_field");
            }
        }
        try (ConfigurableApplicationContext hub = startHub()) {
            JsonNode call = api(hub, "/api/v1/calls/" + callId);
            assertThat(call.path("state").asText()).isEqualTo("ENDED");
            assertThat(hub.getBean(JdbcTemplate.class).queryForObject(
                            "SELECT COUNT(*) FROM feed_deliveries WHERE subscription = 'pg-test' AND status = 'DELIVERED'", Integer.class))
                    .isEqualTo(2);
        }
    }

    private static void addSubscriber(ConfigurableApplicationContext hub) throws Exception {
        hub.getBean(CamelContext.class).addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("switchboard:calls?subscription=pg-test&states=ENDED&delay=50")
                        .routeId("pg-test-subscriber")
                        .process(exchange -> DELIVERED.add(exchange.getMessage().getBody(String.class)));
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> hub.getBean(JdbcTemplate.class).queryForObject(
                "SELECT COUNT(*) FROM feed_subscriptions WHERE name = 'pg-test'", Integer.class) == 1);
    }

    private static String fixture(String path) throws Exception {
        return Files.readString(Path.of("src/test/resources/fixtures", path), StandardCharsets.UTF_8).strip();
    }

    private static int get(ConfigurableApplicationContext hub, String pathAndQuery) throws Exception {
        return send(hub, pathAndQuery).statusCode();
    }

    private static JsonNode api(ConfigurableApplicationContext hub, String pathAndQuery) throws Exception {
        HttpResponse<String> response = send(hub, pathAndQuery);
        assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(200);
        return CanonicalJson.MAPPER.readTree(response.body());
    }

    private static HttpResponse<String> post(ConfigurableApplicationContext hub, String path, String json) throws Exception {
        int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + io.switchboard.HubIntegrationTest.TEST_API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(ConfigurableApplicationContext hub, String pathAndQuery) throws Exception {
        int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Authorization", "Bearer " + io.switchboard.HubIntegrationTest.TEST_API_KEY)
                .GET()
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
