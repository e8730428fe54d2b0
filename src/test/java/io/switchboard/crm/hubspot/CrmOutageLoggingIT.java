package io.switchboard.crm.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.LogCapture;
import io.switchboard.crm.CrmRouteTestSupport;
import io.switchboard.crm.CrmSinkHarness;
import java.util.List;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an operator reads during a CRM outage: each failed attempt that will be retried is one WARN
 * line (subscription, call, attempt n/max, next attempt, HubSpot's status and message), a delivery
 * going DEAD one ERROR line; no stack trace, no message history from Camel's error handler, no
 * token.
 */
class CrmOutageLoggingIT extends CrmRouteTestSupport {

    private static final String CONSUMER_LOG = "io.switchboard.feed.CallFeedConsumer";

    @RegisterExtension
    static WireMockExtension wm = CrmSinkHarness.server();

    @Test
    void aRetriedAttemptIsOneWarningAndADeadDeliveryOneErrorWithoutStackTraces() throws Exception {
        HubSpotStub.contactsFound(wm, "501");
        HubSpotStub.noCallWithHubId(wm);
        String unavailable = "{\"status\":\"error\",\"message\":\"Service temporarily unavailable\",\"category\":\"UNAVAILABLE\"}";
        wm.stubFor(WireMock.post(urlEqualTo(HubSpotStub.CALLS)).inScenario("outage").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")
                        .withHeader("Content-Type", "application/json").withBody(unavailable))
                .willSetStateTo("still down"));
        wm.stubFor(WireMock.post(urlEqualTo(HubSpotStub.CALLS)).inScenario("outage").whenScenarioStateIs("still down")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")
                        .withHeader("Content-Type", "application/json").withBody(unavailable))
                .willSetStateTo("up"));
        wm.stubFor(WireMock.post(urlEqualTo(HubSpotStub.CALLS)).inScenario("outage").whenScenarioStateIs("up")
                .withRequestBody(matchingJsonPath("$.properties.hs_timestamp"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(HubSpotStub.created("9301"))));
        wm.stubFor(WireMock.put(
                        WireMock.urlMatching("/crm/v4/objects/calls/9301/.*"))
                .willReturn(okJson("{\"status\":\"COMPLETE\",\"results\":[]}")));
        route("hubspot-outage-log", "kamelet:hubspot-call-sink?connectorId=hubspot-outage-log&accessToken="
                + HubSpotStub.TOKEN + "&baseUrl=" + CrmSinkHarness.baseUrl(wm));

        try (LogCapture log = LogCapture.start()) {
            String callId = sendAnsweredCall();
            await().atMost(WAIT).until(() -> "DELIVERED".equals(deliveryStatus("hubspot-outage-log", callId)));

            List<String> warnings = mine(log, Level.WARN);
            assertThat(warnings).hasSize(2);
            assertThat(warnings.get(0)).contains("'hubspot-outage-log'", "call " + callId, "attempt 1/20", "next attempt at",
                    "HTTP 503", "Service temporarily unavailable");
            assertThat(warnings.get(1)).contains("attempt 2/20");
            assertThat(mine(log, Level.ERROR)).isEmpty();
            assertQuiet(log);

            // Now HubSpot rejects the call for good: DEAD at once, one ERROR line.
            wm.resetAll();
            HubSpotStub.contactsFound(wm, "501");
            HubSpotStub.noCallWithHubId(wm);
            wm.stubFor(WireMock.post(urlEqualTo(HubSpotStub.CALLS)).willReturn(aResponse().withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"status\":\"error\",\"message\":\"Property values were not valid\",\"category\":\"VALIDATION_ERROR\"}")));
            String rejected = sendAnsweredCall();
            await().atMost(WAIT).until(() -> "DEAD".equals(deliveryStatus("hubspot-outage-log", rejected)));

            List<String> errors = mine(log, Level.ERROR);
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0)).contains("call " + rejected, "DEAD after attempt 1/20", "HTTP 400",
                    "Property values were not valid");
            assertThat(mine(log, Level.WARN)).hasSize(2);
            assertQuiet(log);
        }
    }

    @Test
    void theShippedConsultantRoutesAreQuietToo() {
        // Routes read from routes/*.yaml at start-up get the quiet error handler as well.
        for (String id : List.of("ended-calls-to-hubspot", "ended-calls-to-pipedrive", "ended-calls-to-webhook")) {
            RouteDefinition route = camel.getCamelContextExtension().getContextPlugin(Model.class).getRouteDefinition(id);
            assertThat(route).as(id).isNotNull();
            assertThat(route.getErrorHandlerFactory()).as(id).isInstanceOfSatisfying(DefaultErrorHandlerDefinition.class,
                    handler -> assertThat(handler.getLevel()).isEqualTo("OFF"));
        }
    }

    /** The consumer's lines about this test's subscription (other tests' routes may share the hub). */
    private static List<String> mine(LogCapture log, Level level) {
        return log.messages(CONSUMER_LOG, level).stream().filter(m -> m.contains("'hubspot-outage-log'")).toList();
    }

    /** Nothing else at WARN/ERROR about the deliveries, no stack trace, no token. */
    private static void assertQuiet(LogCapture log) {
        List<ILoggingEvent> loud = log.warningsAndErrors();
        assertThat(loud).allSatisfy(e -> {
            assertThat(e.getThrowableProxy()).as("stack trace in: %s", e.getFormattedMessage()).isNull();
            assertThat(e.getFormattedMessage()).doesNotContain("Message History", "Stacktrace", HubSpotStub.TOKEN);
        });
        assertThat(loud).noneMatch(e -> e.getLoggerName().startsWith("org.apache.camel.processor"));
        assertThat(log.events()).noneMatch(e -> e.getFormattedMessage().contains(HubSpotStub.TOKEN));
    }
}
