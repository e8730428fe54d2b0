package io.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.HubIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * With every HTTP worker busy and the queue full, the hub refuses further requests at once with a
 * 503 JSON error and Retry-After, stores nothing from them, and serves again once a worker is free.
 */
@TestPropertySource(properties = {
    "switchboard.http-workers.threads=1",
    "switchboard.http-workers.queue=1",
    "switchboard.http-workers.retry-after=3s"
})
@Import(OverloadIT.SlowRoute.class)
class OverloadIT extends HubIntegrationTest {

    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @TestConfiguration
    static class SlowRoute {
        @Bean
        RouteBuilder slowTestRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("platform-http:/test/slow?httpMethodRestrict=GET")
                            .routeId("test-slow")
                            .process(exchange -> RELEASE.await(30, TimeUnit.SECONDS))
                            .setBody(constant("done"));
                }
            };
        }
    }

    @Autowired
    HttpWorkerPool pool;

    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void release() {
        RELEASE.countDown();
    }

    @Test
    void aFullPoolAnswers503WithRetryAfterAndStoresNothing() {
        // One at a time: the pool's threads take work from the queue, so two requests arriving
        // together can find the one queue slot still taken by the first.
        CompletableFuture<HttpResponse<String>> running = slow();
        await().atMost(WAIT).until(() -> pool.active() == 1 && pool.queued() == 0);
        CompletableFuture<HttpResponse<String>> waiting = slow();
        await().atMost(WAIT).until(() -> pool.active() == 1 && pool.queued() == 1);
        List<CompletableFuture<HttpResponse<String>>> occupying = List.of(running, waiting);

        HttpResponse<String> webhook = get(
                "/webhooks/keyyo/" + source("keyyo-demo").token()
                        + "?type=SETUP&account=33100000001&caller=33600000001&callee=33100000001&callref=overload-1",
                Map.of());

        assertThat(webhook.statusCode()).isEqualTo(503);
        assertThat(webhook.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(webhook.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        JsonNode error = json(webhook);
        assertThat(error.path("status").asInt()).isEqualTo(503);
        assertThat(error.path("error").asText()).isEqualTo("overloaded");
        assertThat(error.path("message").asText()).contains("retry");
        assertThat(webhook.body()).doesNotContain("Exception").doesNotContain("at io.");

        RELEASE.countDown();
        occupying.forEach(f -> assertThat(f.join().statusCode()).isEqualTo(200));
        await().atMost(WAIT).until(() -> pool.active() == 0 && pool.queued() == 0);

        JsonNode calls = json(get("/api/v1/calls?limit=10"));
        assertThat(calls.path("total").asInt()).as("the refused webhook stored nothing").isZero();
        assertThat(json(get("/actuator/metrics/switchboard.http.shed", Map.of()))
                .path("measurements").get(0).path("value").asDouble()).isEqualTo(1.0);
    }

    private CompletableFuture<HttpResponse<String>> slow() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/test/slow")).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
}
