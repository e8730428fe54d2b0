package io.switchboard.crm.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import com.github.tomakehurst.wiremock.client.WireMock;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.crm.CrmRouteTestSupport;
import io.switchboard.crm.CrmSinkHarness;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Through the real hub: a Telphin call ends, the call source delivers it to the hubspot-call-sink
 * Kamelet, which logs it on WireMock's HubSpot; a 429 is retried after its Retry-After, and a
 * replayed delivery patches the same call instead of creating another.
 */
class HubSpotCallSinkIT extends CrmRouteTestSupport {

    @RegisterExtension
    static WireMockExtension wm = CrmSinkHarness.server();

    @Test
    void anEndedCallIsLoggedOnceRetriedAfterA429AndAReplayPatchesIt() throws Exception {
        wm.stubFor(WireMock.post(urlEqualTo(HubSpotStub.CONTACT_SEARCH)).inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"error\",\"message\":\"You have reached your secondly limit.\","
                                + "\"errorType\":\"RATE_LIMIT\"}"))
                .willSetStateTo("open"));
        wm.stubFor(WireMock.post(urlEqualTo(HubSpotStub.CONTACT_SEARCH)).inScenario("throttle").whenScenarioStateIs("open")
                .willReturn(okJson(HubSpotStub.searchAnswer("501"))));
        HubSpotStub.noCallWithHubId(wm);
        HubSpotStub.callCreated(wm, "9101");
        wm.stubFor(patch(urlEqualTo(HubSpotStub.CALLS + "/9101")).willReturn(okJson(HubSpotStub.created("9101"))));
        wm.stubFor(put(urlMatching("/crm/v4/objects/calls/9101/associations/default/contacts/501"))
                .willReturn(okJson("{\"status\":\"COMPLETE\",\"results\":[]}")));
        route("hubspot-it", "kamelet:hubspot-call-sink?connectorId=hubspot-it&accessToken=" + HubSpotStub.TOKEN
                + "&baseUrl=" + CrmSinkHarness.baseUrl(wm) + "&agentOwners=RAW(101=77)");

        String callId = sendAnsweredCall();

        await().atMost(WAIT).until(() -> "DELIVERED".equals(deliveryStatus("hubspot-it", callId)));
        wm.verify(2, postRequestedFor(urlEqualTo(HubSpotStub.CONTACT_SEARCH))
                .withHeader("Authorization", equalTo("Bearer " + HubSpotStub.TOKEN))
                .withRequestBody(equalToJson("""
                        {"filterGroups":[
                          {"filters":[{"propertyName":"phone","operator":"IN","values":["+79165550123","8 (916) 555-01-23","89165550123"]}]},
                          {"filters":[{"propertyName":"mobilephone","operator":"IN","values":["+79165550123","8 (916) 555-01-23","89165550123"]}]}],
                         "properties":["phone","mobilephone","hubspot_owner_id"],"limit":10}""")));
        wm.verify(1, postRequestedFor(urlEqualTo(HubSpotStub.CALLS)).withRequestBody(equalToJson("""
                {"properties":{
                   "hs_timestamp":"2024-11-23T08:20:00Z",
                   "hs_call_title":"Inbound call from +79165550123",
                   "hs_call_body":"${json-unit.any-string}",
                   "hs_call_direction":"INBOUND",
                   "hs_call_status":"COMPLETED",
                   "hs_call_duration":"95000",
                   "hs_call_from_number":"+79165550123",
                   "hs_call_to_number":"+74951234567",
                   "hubspot_owner_id":"77",
                   "switchboard_call_id":"%s"},
                 "associations":[{"to":{"id":"501"},
                   "types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":194}]}]}""".formatted(callId),
                false, true)));

        replay("hubspot-it", callId);

        await().atMost(WAIT).until(() -> wm.findAll(patchRequestedFor(urlEqualTo(HubSpotStub.CALLS + "/9101"))).size() == 1
                && "DELIVERED".equals(deliveryStatus("hubspot-it", callId)));
        wm.verify(1, postRequestedFor(urlEqualTo(HubSpotStub.CALLS)));
        // The first attempt sent no create before, the replay knows the record: no call search at all.
        wm.verify(0, postRequestedFor(urlEqualTo(HubSpotStub.CALL_SEARCH)));
    }

    @Test
    void theShippedExampleRouteStartsWithoutCredentialsAndReceivesNothingUntilEnabled() throws Exception {
        assertThat(camel.getRouteController().getRouteStatus("ended-calls-to-hubspot")).isEqualTo(ServiceStatus.Started);
        route("hubspot-it-gate", "log:hubspot-it-gate?level=OFF");

        String callId = sendAnsweredCall();

        await().atMost(WAIT).until(() -> "DELIVERED".equals(deliveryStatus("hubspot-it-gate", callId)));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM feed_deliveries WHERE subscription = 'ended-calls-to-hubspot'", Integer.class))
                .isZero();
    }
}
