package io.switchboard.feed;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.HubIntegrationTest;
import io.switchboard.crm.TelphinCalls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code concurrency=8}: calls are delivered in parallel, yet one call's changes (RINGING, ANSWERED,
 * ENDED) never overlap and never overtake each other, even when the first one fails and waits for
 * its retry. The route calls a slow receiver (WireMock, 30 ms) so that deliveries really overlap.
 */
class ParallelDeliveryOrderIT extends HubIntegrationTest {

    private static final String SUBSCRIPTION = "parallel-order";
    private static final int CALLS = 24;

    @RegisterExtension
    static WireMockExtension receiver = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(40))
            .build();

    @Autowired
    CamelContext camel;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, List<String>> delivered = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlightPerCall = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attemptsPerCall = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final AtomicBoolean overlapped = new AtomicBoolean();
    private final List<String> failedOnPurpose = new CopyOnWriteArrayList<>();

    @AfterEach
    void removeRoute() throws Exception {
        camel.getRouteController().stopRoute(SUBSCRIPTION);
        camel.removeRoute(SUBSCRIPTION);
    }

    @Test
    void callsGoInParallelButEachCallsChangesInOrderOneAtATime() throws Exception {
        receiver.stubFor(WireMock.post("/slow").willReturn(ok().withFixedDelay(30)));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("switchboard:calls?subscription=" + SUBSCRIPTION + "&states=RINGING,ANSWERED,ENDED&vendors=telphin"
                                + "&delay=20&concurrency=8&initialBackoff=150&maxBackoff=300")
                        .routeId(SUBSCRIPTION)
                        .process(ParallelDeliveryOrderIT.this::deliver);
            }
        });
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM feed_subscriptions WHERE name = ?", Integer.class, SUBSCRIPTION) == 1);

        TelphinCalls telphin = new TelphinCalls("http://127.0.0.1:" + port, source("telphin-demo").token());
        List<String> vendorIds = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            vendorIds.add(telphin.answeredCall());
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM feed_deliveries WHERE subscription = ? AND status = 'DELIVERED'", Integer.class,
                SUBSCRIPTION) == CALLS * 3);
        assertThat(delivered).hasSize(CALLS);
        delivered.forEach((callId, states) ->
                assertThat(states).as("call %s", callId).containsExactly("RINGING", "ANSWERED", "ENDED"));
        assertThat(overlapped).as("two deliveries of one call at once").isFalse();
        assertThat(mostInFlight.get()).as("deliveries in flight at once").isGreaterThan(1).isLessThanOrEqualTo(8);
        assertThat(failedOnPurpose).isNotEmpty();
        for (String callId : failedOnPurpose) {
            assertThat(jdbc.queryForList("SELECT attempts FROM feed_deliveries d JOIN call_feed f ON f.seq = d.feed_seq"
                            + " WHERE d.subscription = ? AND d.call_id = ? ORDER BY d.feed_seq", Integer.class,
                            SUBSCRIPTION, callId))
                    .containsExactly(2, 1, 1);
        }
        assertThat(vendorIds).hasSize(CALLS);
    }

    /** The sink: a slow HTTP write; the first RINGING attempt of every third call fails. */
    private void deliver(Exchange exchange) throws Exception {
        String callId = exchange.getMessage().getHeader(FeedHeaders.CALL_ID, String.class);
        String state = exchange.getMessage().getHeader(FeedHeaders.CALL_STATE, String.class);
        if (inFlightPerCall.computeIfAbsent(callId, id -> new AtomicInteger()).incrementAndGet() > 1) {
            overlapped.set(true);
        }
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            int n = attemptsPerCall.computeIfAbsent(callId, id -> new AtomicInteger()).incrementAndGet();
            HttpResponse<Void> answer = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.getPort() + "/slow"))
                            .POST(HttpRequest.BodyPublishers.ofString(callId + " " + state))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(answer.statusCode()).isEqualTo(200);
            if (n == 1 && "RINGING".equals(state) && Math.floorMod(callId.hashCode(), 3) == 0) {
                failedOnPurpose.add(callId);
                throw new IllegalStateException("CRM hiccup on the first change of " + callId);
            }
            delivered.computeIfAbsent(callId, id -> new CopyOnWriteArrayList<>()).add(state);
        } finally {
            inFlight.decrementAndGet();
            inFlightPerCall.get(callId).decrementAndGet();
        }
    }
}
