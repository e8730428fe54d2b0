package io.switchboard.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.SwitchboardApplication;
import io.switchboard.ingress.Sources;
import io.switchboard.journal.JournalCompactionProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the hub acknowledged survives a restart: requests stored but not yet translated are
 * translated by the next run, and a delivery the consumer had not completed is retried by it.
 */
class DurabilityAcrossRestartIT {

    private static final List<String> DELIVERED = new CopyOnWriteArrayList<>();

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext startHub() {
        return new SpringApplicationBuilder(SwitchboardApplication.class)
                .profiles("test")
                .run(
                        "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("journal") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                        "--server.port=0");
    }

    /**
     * A real restart is a new process. In one JVM, H2 may still be closing the first hub's database
     * (its last connections close asynchronously) when the second hub opens it, which fails with
     * "The database has been closed": start again until the file opens cleanly.
     */
    private ConfigurableApplicationContext startHubAgain() {
        java.util.concurrent.atomic.AtomicReference<ConfigurableApplicationContext> started =
                new java.util.concurrent.atomic.AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            started.set(startHub());
            return true;
        });
        return started.get();
    }

    @Test
    void acknowledgedEventsAndPendingDeliveriesSurviveARestart() throws Exception {
        try (ConfigurableApplicationContext hub = startHub()) {
            hub.getBean(InboxProcessor.class).stop(); // the crash window: stored, not yet translated
            addSubscriber(hub, true);
            String token = hub.getBean(Sources.class).byId("telphin-demo").orElseThrow().token();
            for (String step : List.of("01-dial-in", "02-answer", "03-hangup")) {
                assertThat(send(hub, token, step)).isEqualTo(200);
            }
            JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox WHERE status = 'PENDING'", Integer.class)).isEqualTo(3);
            // the file journal's compactor found H2's store behind the connection pool
            assertThat(hub.getBean(MeterRegistry.class).get("switchboard.journal.file.bytes").gauge().value())
                    .isPositive();
            // and forces the file to disk every second, so H2 may reuse chunks after 5 s, not 45
            assertThat(hub.getBean(JournalCompactionProperties.class).retention()).isEqualTo(Duration.ofSeconds(5));
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    hub.getBean(MeterRegistry.class).get("switchboard.journal.file.sync").timer().count() > 0);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM calls", Integer.class)).isZero();

            hub.getBean(InboxProcessor.class).start(); // translated now, but the subscriber keeps failing
            await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM feed_deliveries WHERE subscription = 'restart-test' AND attempts > 0"
                            + " AND status = 'PENDING'", Integer.class) == 1);
            hub.getBean(InboxProcessor.class).stop();
            assertThat(DELIVERED).isEmpty();
        }

        try (ConfigurableApplicationContext hub = startHubAgain()) {
            addSubscriber(hub, false);
            await().atMost(Duration.ofSeconds(15)).until(() -> DELIVERED.size() == 1);
            assertThat(DELIVERED.get(0)).contains("\"state\":\"ENDED\"").contains("\"outcome\":\"ANSWERED\"");
            JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM calls", Integer.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox WHERE status = 'DONE'", Integer.class)).isEqualTo(3);
            await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                    "SELECT status FROM feed_deliveries WHERE subscription = 'restart-test'", String.class)
                    .equals("DELIVERED"));
        }
    }

    /** A consultant-style route on the durable source; {@code failing} makes every delivery fail. */
    private static void addSubscriber(ConfigurableApplicationContext hub, boolean failing) throws Exception {
        // The subscription must exist before the first call changes, or it would start after them.
        hub.getBean(CamelContext.class).addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("switchboard:calls?subscription=restart-test&states=ENDED&delay=50&initialBackoff=50&maxBackoff=100")
                        .routeId("restart-test-subscriber")
                        .process(exchange -> {
                            if (failing) {
                                throw new IllegalStateException("CRM down");
                            }
                            DELIVERED.add(exchange.getMessage().getBody(String.class));
                        });
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> hub.getBean(JdbcTemplate.class).queryForObject(
                "SELECT COUNT(*) FROM feed_subscriptions WHERE name = 'restart-test'", Integer.class) == 1);
    }

    private static int send(ConfigurableApplicationContext hub, String token, String step) throws Exception {
        int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
        String query = Files.readString(
                        Path.of("src/test/resources/fixtures/telphin/inbound-answered/" + step + ".query"),
                        StandardCharsets.UTF_8)
                .strip();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/telphin/" + token + "?" + query))
                .GET()
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
