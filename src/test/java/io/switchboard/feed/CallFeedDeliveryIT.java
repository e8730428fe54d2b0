package io.switchboard.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.switchboard.HubIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The durable call-event source: retries with backoff, gives up as DEAD, feeds the example route. */
class CallFeedDeliveryIT extends HubIntegrationTest {

    @Autowired
    CamelContext camel;

    @Autowired
    JdbcTemplate jdbc;

    private final List<String> routes = new CopyOnWriteArrayList<>();

    @AfterEach
    void removeRoutes() throws Exception {
        for (String id : routes) {
            camel.getRouteController().stopRoute(id);
            camel.removeRoute(id);
        }
    }

    /** Sends Telphin's missed-call fixture under a fresh CallID; returns that id. */
    private String sendMissedCall() throws Exception {
        String callId = UUID.randomUUID().toString().replace("-", "");
        for (String step : List.of("01-dial-in.form", "02-hangup.form")) {
            String form = Files.readString(Path.of("src/test/resources/fixtures/telphin/inbound-missed", step),
                            StandardCharsets.UTF_8)
                    .strip()
                    .replace("b2e5d3f98c4e4f1a0d7c6b3e2f9a8d02", callId);
            assertThat(post("/webhooks/telphin/" + source("telphin-demo").token(), "application/x-www-form-urlencoded",
                            form, java.util.Map.of()).statusCode())
                    .isEqualTo(200);
        }
        return callId;
    }

    private void subscribe(String name, String options, org.apache.camel.Processor processor) throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("switchboard:calls?subscription=" + name + "&states=ENDED&vendors=telphin&delay=50" + options)
                        .routeId(name)
                        .process(processor);
            }
        });
        routes.add(name);
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM feed_subscriptions WHERE name = ?", Integer.class, name) == 1);
    }

    @Test
    void aFailingDeliveryIsRetriedUntilItSucceeds() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        List<String> delivered = new CopyOnWriteArrayList<>();
        subscribe("feed-retry-test", "&initialBackoff=20&maxBackoff=50", exchange -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("CRM answered 503");
            }
            delivered.add(exchange.getMessage().getHeader(FeedHeaders.ATTEMPT) + " "
                    + exchange.getMessage().getHeader(FeedHeaders.CALL_STATE) + " " + exchange.getMessage().getBody(String.class));
        });

        String vendorCallId = sendMissedCall();

        await().atMost(WAIT).until(() -> delivered.size() == 1);
        assertThat(delivered.get(0)).startsWith("3 ENDED ").contains(vendorCallId).contains("\"outcome\":\"MISSED\"");
        assertThat(jdbc.queryForObject(
                        "SELECT status FROM feed_deliveries WHERE subscription = 'feed-retry-test'", String.class))
                .isEqualTo("DELIVERED");
    }

    @Test
    void aDeliveryThatKeepsFailingEndsDeadWithItsError() throws Exception {
        subscribe("feed-dead-test", "&maxAttempts=2&initialBackoff=20&maxBackoff=50", exchange -> {
            throw new IllegalStateException("CRM rejected the payload");
        });

        sendMissedCall();

        await().atMost(WAIT).until(() -> "DEAD".equals(jdbc.queryForList(
                        "SELECT status FROM feed_deliveries WHERE subscription = 'feed-dead-test'", String.class)
                .stream()
                .findFirst()
                .orElse("")));
        assertThat(jdbc.queryForObject(
                        "SELECT last_error FROM feed_deliveries WHERE subscription = 'feed-dead-test'", String.class))
                .contains("CRM rejected the payload");
        assertThat(jdbc.queryForObject(
                        "SELECT attempts FROM feed_deliveries WHERE subscription = 'feed-dead-test'", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void theExampleRouteAppendsEveryEndedCallToAJsonLinesFile() throws Exception {
        Path file = Path.of("data/export/ended-calls.jsonl");
        Files.deleteIfExists(file); // lines of earlier runs; the route creates the file again
        String first = sendMissedCall();
        String second = sendMissedCall();

        await().atMost(WAIT).until(() -> Files.exists(file)
                && Files.readString(file).contains(first) && Files.readString(file).contains(second));
        ObjectReader oneObjectPerLine = new ObjectMapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        List<String> lines = Files.readAllLines(file);
        for (String line : lines) {
            assertThat(oneObjectPerLine.readTree(line).isObject()).as(line).isTrue();
        }
        for (String vendorCallId : List.of(first, second)) {
            assertThat(lines).filteredOn(l -> l.contains("\"" + vendorCallId + "\""))
                    .singleElement().asString().contains("\"state\":\"ENDED\"");
        }
    }
}
