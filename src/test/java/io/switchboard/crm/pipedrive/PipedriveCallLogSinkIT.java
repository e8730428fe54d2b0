package io.switchboard.crm.pipedrive;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.crm.CrmRouteTestSupport;
import io.switchboard.crm.CrmSinkHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Through the real hub: a Telphin call ends, the call source delivers it to the pipedrive-calllog-sink
 * Kamelet, which logs it on WireMock's Pipedrive; a 429 is retried, and a replayed delivery sends no
 * second call log.
 */
class PipedriveCallLogSinkIT extends CrmRouteTestSupport {

    @RegisterExtension
    static WireMockExtension wm = CrmSinkHarness.server();

    @Test
    void anEndedCallIsLoggedOnceRetriedAfterA429AndAReplayAddsNothing() throws Exception {
        wm.stubFor(WireMock.get(urlPathEqualTo("/v1/persons/search")).withQueryParam("term", equalTo("+79165550123"))
                .willReturn(okJson(PipedriveStub.persons(42))));
        wm.stubFor(WireMock.get(urlPathEqualTo("/v1/persons/search")).withQueryParam("term", equalTo("8 (916) 555-01-23"))
                .willReturn(okJson(PipedriveStub.persons())));
        wm.stubFor(WireMock.get(urlPathEqualTo("/v1/persons/search")).withQueryParam("term", equalTo("89165550123"))
                .willReturn(okJson(PipedriveStub.persons())));
        wm.stubFor(WireMock.post(urlPathEqualTo("/v1/callLogs")).inScenario("limit").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":false,\"error\":\"Request over limit\",\"errorCode\":429}"))
                .willSetStateTo("open"));
        wm.stubFor(WireMock.post(urlPathEqualTo("/v1/callLogs")).inScenario("limit").whenScenarioStateIs("open")
                .willReturn(okJson(PipedriveStub.callLogCreated("a1b2c3"))));
        route("pipedrive-it", "kamelet:pipedrive-calllog-sink?connectorId=pipedrive-it&apiToken=" + PipedriveStub.API_TOKEN
                + "&baseUrl=" + CrmSinkHarness.baseUrl(wm) + "&agentOwners=RAW(101=7)");

        String callId = sendAnsweredCall();

        await().atMost(WAIT).until(() -> "DELIVERED".equals(deliveryStatus("pipedrive-it", callId)));
        wm.verify(2, postRequestedFor(urlPathEqualTo("/v1/callLogs"))
                .withQueryParam("api_token", equalTo(PipedriveStub.API_TOKEN))
                .withRequestBody(equalToJson("""
                        {"user_id":7,
                         "subject":"Inbound call from +79165550123",
                         "duration":"95",
                         "outcome":"connected",
                         "from_phone_number":"+79165550123",
                         "to_phone_number":"+74951234567",
                         "start_time":"2024-11-23 08:20:00",
                         "end_time":"2024-11-23 08:21:43",
                         "person_id":42,
                         "org_id":9,
                         "note":"${json-unit.any-string}"}""")));

        // The 429 proved nothing was written: its mark was dropped, so the retry read no call logs.
        wm.verify(0, getRequestedFor(urlPathEqualTo("/v1/callLogs")));

        replay("pipedrive-it", callId);

        await().atMost(WAIT).until(() -> wm.findAll(getRequestedFor(urlPathEqualTo("/v1/persons/search"))).size() == 9
                && "DELIVERED".equals(deliveryStatus("pipedrive-it", callId)));
        wm.verify(2, postRequestedFor(urlPathEqualTo("/v1/callLogs")));
    }
}
