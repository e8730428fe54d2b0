package io.switchboard.crm.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import ch.qos.logback.classic.Level;
import io.switchboard.LogCapture;
import io.switchboard.crm.CrmRouteTestSupport;
import io.switchboard.crm.CrmSinkHarness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HubSpot answers HTTP 500: the delivery is retried with backoff (bounded by serverErrorAttempts)
 * instead of going DEAD at once, and the call is logged once.
 */
class HubSpotServerErrorRetryIT extends CrmRouteTestSupport {

    private static final String ERROR_500 = "{\"status\":\"error\",\"message\":\"internal error\",\"category\":\"INTERNAL_ERROR\"}";

    @RegisterExtension
    static WireMockExtension wm = CrmSinkHarness.server();

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error500() {
        return aResponse().withStatus(500).withHeader("Content-Type", "application/json").withBody(ERROR_500);
    }

    private void associations(String callId) {
        wm.stubFor(WireMock.put(urlMatching("/crm/v4/objects/calls/" + callId + "/associations/.*"))
                .willReturn(okJson("{\"status\":\"COMPLETE\",\"results\":[]}")));
    }

    @Test
    void a500ThenA201IsDeliveredOnceWithOneCrmRecord() throws Exception {
        HubSpotStub.contactsFound(wm, "501");
        HubSpotStub.noCallWithHubId(wm);
        wm.stubFor(WireMock.post(urlEqualTo(HubSpotStub.CALLS)).inScenario("500").whenScenarioStateIs(STARTED)
                .willReturn(error500()).willSetStateTo("recovered"));
        wm.stubFor(WireMock.post(urlEqualTo(HubSpotStub.CALLS)).inScenario("500").whenScenarioStateIs("recovered")
                .withRequestBody(matchingJsonPath("$.properties.hs_timestamp"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(HubSpotStub.created("9401"))));
        associations("9401");
        route("hubspot-500", "kamelet:hubspot-call-sink?connectorId=hubspot-500&accessToken=" + HubSpotStub.TOKEN
                + "&baseUrl=" + CrmSinkHarness.baseUrl(wm));

        try (LogCapture log = LogCapture.start()) {
            String callId = sendAnsweredCall();

            await().atMost(WAIT).until(() -> "DELIVERED".equals(deliveryStatus("hubspot-500", callId)));
            assertThat(jdbc.queryForObject("SELECT attempts FROM feed_deliveries WHERE subscription = 'hubspot-500'"
                    + " AND call_id = ?", Integer.class, callId)).isEqualTo(2);
            assertThat(log.messages("io.switchboard.feed.CallFeedConsumer", Level.WARN).stream()
                            .filter(m -> m.contains("'hubspot-500'")))
                    .singleElement().asString()
                    .contains("call " + callId, "attempt 1/20", "HTTP 500", "internal error", "attempt 1 of 5");
            wm.verify(2, postRequestedFor(urlEqualTo(HubSpotStub.CALLS)));
            assertThat(records("hubspot-500", callId)).containsExactly("9401");
        }
    }

    @Test
    void a500WhoseWriteHappenedIsRetriedWithoutASecondCall() throws Exception {
        // HubSpot created the call but answered 500: the retry finds it by the hub call id and patches it.
        HubSpotStub.contactsFound(wm, "501");
        wm.stubFor(WireMock.post(urlEqualTo(HubSpotStub.CALLS)).inScenario("lost").whenScenarioStateIs(STARTED)
                .willReturn(error500()).willSetStateTo("written"));
        wm.stubFor(WireMock.post(urlEqualTo(HubSpotStub.CALL_SEARCH)).inScenario("lost").whenScenarioStateIs("written")
                .willReturn(okJson(HubSpotStub.searchAnswer("9402"))));
        wm.stubFor(patch(urlEqualTo(HubSpotStub.CALLS + "/9402")).willReturn(okJson(HubSpotStub.created("9402"))));
        associations("9402");
        route("hubspot-500-lost", "kamelet:hubspot-call-sink?connectorId=hubspot-500-lost&accessToken="
                + HubSpotStub.TOKEN + "&baseUrl=" + CrmSinkHarness.baseUrl(wm));

        String callId = sendAnsweredCall();

        await().atMost(WAIT).until(() -> "DELIVERED".equals(deliveryStatus("hubspot-500-lost", callId)));
        wm.verify(1, postRequestedFor(urlEqualTo(HubSpotStub.CALLS)));
        wm.verify(1, patchRequestedFor(urlEqualTo(HubSpotStub.CALLS + "/9402")));
        wm.verify(1, postRequestedFor(urlEqualTo(HubSpotStub.CALL_SEARCH))); // on the retry only
        assertThat(records("hubspot-500-lost", callId)).containsExactly("9402");
    }

    @Test
    void aPersistent500IsDeadAfterServerErrorAttempts() throws Exception {
        HubSpotStub.contactsFound(wm, "501");
        HubSpotStub.noCallWithHubId(wm);
        wm.stubFor(WireMock.post(urlEqualTo(HubSpotStub.CALLS)).willReturn(error500()));
        route("hubspot-500-dead", "kamelet:hubspot-call-sink?connectorId=hubspot-500-dead&accessToken="
                + HubSpotStub.TOKEN + "&baseUrl=" + CrmSinkHarness.baseUrl(wm) + "&serverErrorAttempts=3");

        String callId = sendAnsweredCall();

        await().atMost(WAIT).until(() -> "DEAD".equals(deliveryStatus("hubspot-500-dead", callId)));
        wm.verify(3, postRequestedFor(urlEqualTo(HubSpotStub.CALLS)));
        assertThat(jdbc.queryForObject("SELECT last_error FROM feed_deliveries WHERE subscription = 'hubspot-500-dead'"
                + " AND call_id = ?", String.class, callId)).contains("not retryable", "vendor error, HTTP 500");
        assertThat(records("hubspot-500-dead", callId)).isEmpty();
    }

    private List<String> records(String connectorId, String callId) {
        return jdbc.queryForList("SELECT record_id FROM crm_records WHERE connector_id = ? AND call_id = ? AND record_kind = 'CALL'",
                String.class, connectorId, callId);
    }
}
