package io.switchboard.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The failed-deliveries page against the real deliveries API: a consultant-style route (durable
 * call source → signed webhook sink, as in {@code crm.webhook.WebhookDeliveryIT}) whose receiver, a
 * WireMock server, refuses the call with a 422; the delivery goes DEAD, the page lists it, Replay
 * queues it again and the repaired receiver gets it.
 */
class ConsoleDeliveriesIT extends BrowserTestSupport {

    private static final String SUBSCRIPTION = "console-replay";

    @RegisterExtension
    static WireMockExtension receiver = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @Autowired
    private CamelContext camel;

    @Autowired
    private JdbcTemplate jdbc;

    @AfterEach
    void removeRoute() throws Exception {
        if (camel.getRoute(SUBSCRIPTION) != null) {
            camel.getRouteController().stopRoute(SUBSCRIPTION);
            camel.removeRoute(SUBSCRIPTION);
        }
    }

    private void subscribeEndedKeyyoCallsToTheReceiver() throws Exception {
        String sink = "kamelet:webhook-call-sink?url=RAW(http://127.0.0.1:" + receiver.getPort() + "/hook)"
                + "&secret=RAW(whsec-console-7f1e)&timeout=5000";
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:switchboard-call-source?subscription=" + SUBSCRIPTION
                                + "&vendors=keyyo&states=ENDED&pollDelay=20&initialBackoff=50&maxBackoff=200")
                        .routeId(SUBSCRIPTION)
                        .to(sink);
            }
        });
        // the subscription receives the call changes journaled from its creation on
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM feed_subscriptions WHERE name = ?", Integer.class, SUBSCRIPTION) == 1);
    }

    /** The subscription's only delivery as the deliveries API lists it, once it has this status. */
    private JsonNode awaitDelivery(String callId, String status) {
        String query = "/api/v1/deliveries?subscription=" + SUBSCRIPTION + "&callId=" + callId;
        await().atMost(WAIT).alias(query + " answers one " + status + " delivery").until(
                () -> json(get(query)).path("items"),
                items -> items.size() == 1 && status.equals(items.get(0).path("status").asText()));
        return json(get(query)).path("items").get(0);
    }

    @Test
    void aDeadDeliveryIsListedReplayedAndThenDelivered() throws Exception {
        receiver.stubFor(WireMock.post("/hook").willReturn(
                aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"contact owner is required\"}")));
        subscribeEndedKeyyoCallsToTheReceiver();

        String caller = uniqueMobile();
        String callref = "KYDEAD" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        long setup = System.currentTimeMillis();
        keyyoNotification("SETUP", caller, callref, setup);
        keyyoNotification("CONNECT", caller, callref, setup + 3_000);
        keyyoNotification("RELEASE", caller, callref, setup + 30_000);
        String callId = awaitSingleCall("vendor=keyyo&state=ENDED&number=%2B" + caller, call -> true).path("id").asText();
        JsonNode dead = awaitDelivery(callId, "DEAD");
        long id = dead.path("id").asLong();

        open("deliveries.html");

        Locator row = page.locator("[data-testid='delivery-row'][data-delivery-id='" + id + "']");
        assertThat(row).hasCount(1);
        assertThat(row).containsText(SUBSCRIPTION);
        assertThat(row.getByTestId("delivery-error")).hasText(dead.path("lastError").asText());
        assertThat(row.getByTestId("delivery-error")).containsText("rejected, HTTP 422");
        assertThat(row.getByTestId("delivery-error")).containsText("contact owner is required");
        assertThat(row.getByRole(AriaRole.LINK)).hasAttribute("href", "history.html?id=" + callId);
        assertThat(page.getByTestId("deliveries-summary")).containsText("failed deliver");
        assertThat(page.getByTestId("deliveries-not-installed")).isHidden();
        screenshot("dead");

        // the receiver is repaired: it now accepts the call
        receiver.resetAll();
        receiver.stubFor(WireMock.post("/hook").willReturn(ok()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Replay delivery " + id)).click();

        assertThat(page.getByTestId("deliveries-result")).hasText("Delivery " + id + " is queued again.");
        assertThat(row).hasCount(0);
        assertThat(page.getByTestId("deliveries-error")).isHidden();
        JsonNode delivered = awaitDelivery(callId, "DELIVERED");
        org.assertj.core.api.Assertions.assertThat(delivered.path("replays").asInt()).isEqualTo(1);
        await().atMost(WAIT).until(() -> receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).size() == 1);
        org.assertj.core.api.Assertions.assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).get(0)
                .getHeader("X-Switchboard-Call-Id")).isEqualTo(callId);
        screenshot("replayed");

        page.getByTestId("deliveries-refresh").click();
        assertThat(page.getByTestId("deliveries-table")).isVisible();
        assertThat(row).hasCount(0);
    }
}
