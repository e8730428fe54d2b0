package io.switchboard.crm.zoho;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.switchboard.crm.zoho.ZohoStub.CALLS;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.crm.CrmRouteTestSupport;
import io.switchboard.crm.CrmSinkHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Through the real hub: a Telphin call ends, the call source delivers it to the zoho-call-sink
 * Kamelet; an expired token is refreshed once, the Calls record is created once, and a replayed
 * delivery updates that record (PUT) instead of creating another.
 */
class ZohoCallSinkIT extends CrmRouteTestSupport {

    @RegisterExtension
    static WireMockExtension wm = CrmSinkHarness.server();

    @Test
    void anEndedCallIsCreatedOnceAfterATokenRefreshAndAReplayUpdatesIt() throws Exception {
        wm.stubFor(WireMock.post(urlEqualTo(ZohoStub.TOKEN_PATH)).inScenario("t").whenScenarioStateIs(STARTED)
                .willReturn(okJson(ZohoStub.tokenAnswer(wm, "1000.expired"))).willSetStateTo("2"));
        wm.stubFor(WireMock.post(urlEqualTo(ZohoStub.TOKEN_PATH)).inScenario("t").whenScenarioStateIs("2")
                .willReturn(okJson(ZohoStub.tokenAnswer(wm, "1000.fresh"))));
        wm.stubFor(WireMock.get(urlPathEqualTo("/crm/v8/Contacts/search"))
                .withHeader("Authorization", equalTo("Zoho-oauthtoken 1000.expired"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"INVALID_TOKEN\",\"details\":{},\"message\":\"invalid oauth token\","
                                + "\"status\":\"error\"}")));
        wm.stubFor(WireMock.get(urlPathEqualTo("/crm/v8/Contacts/search")).withQueryParam("phone", equalTo("+79165550123"))
                .withHeader("Authorization", equalTo("Zoho-oauthtoken 1000.fresh"))
                .willReturn(okJson(ZohoStub.records("4150868000000224001"))));
        for (String other : new String[] {"8 (916) 555-01-23", "89165550123"}) {
            wm.stubFor(WireMock.get(urlPathEqualTo("/crm/v8/Contacts/search")).withQueryParam("phone", equalTo(other))
                    .withHeader("Authorization", equalTo("Zoho-oauthtoken 1000.fresh"))
                    .willReturn(aResponse().withStatus(204)));
        }
        wm.stubFor(WireMock.post(urlEqualTo(CALLS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(ZohoStub.success("4150868000001234001", "record added"))));
        wm.stubFor(put(urlEqualTo(CALLS + "/4150868000001234001"))
                .willReturn(okJson(ZohoStub.success("4150868000001234001", "record updated"))));
        route("zoho-it", "kamelet:zoho-call-sink?connectorId=zoho-it&clientId=" + ZohoStub.CLIENT_ID
                + "&clientSecret=" + ZohoStub.CLIENT_SECRET + "&refreshToken=" + ZohoStub.REFRESH_TOKEN
                + "&accountsUrl=" + CrmSinkHarness.baseUrl(wm) + "&timeZone=Europe/Moscow"
                + "&agentOwners=RAW(101=4150868000000225013)");

        String callId = sendAnsweredCall();

        await().atMost(WAIT).until(() -> "DELIVERED".equals(deliveryStatus("zoho-it", callId)));
        String expected = """
                {"data":[{
                  "Subject":"Inbound call from +79165550123",
                  "Call_Type":"Inbound",
                  "Call_Start_Time":"2024-11-23T11:20:00+03:00",
                  "Call_Duration":"01:35",
                  "Call_Result":"Answered",
                  "Caller_ID":"+79165550123",
                  "Dialled_Number":"+74951234567",
                  "Description":"${json-unit.any-string}",
                  "Switchboard_Call_Id":"%s",
                  "Who_Id":{"id":"4150868000000224001"},
                  "Owner":{"id":"4150868000000225013"}}]}""".formatted(callId);
        wm.verify(2, postRequestedFor(urlEqualTo(ZohoStub.TOKEN_PATH)));
        wm.verify(1, postRequestedFor(urlEqualTo(CALLS)).withHeader("Authorization", equalTo("Zoho-oauthtoken 1000.fresh"))
                .withRequestBody(equalToJson(expected)));

        replay("zoho-it", callId);

        await().atMost(WAIT).until(() -> wm.findAll(putRequestedFor(urlEqualTo(CALLS + "/4150868000001234001"))).size() == 1
                && "DELIVERED".equals(deliveryStatus("zoho-it", callId)));
        wm.verify(1, postRequestedFor(urlEqualTo(CALLS)));
        wm.verify(1, putRequestedFor(urlEqualTo(CALLS + "/4150868000001234001")).withRequestBody(equalToJson(expected)));
        // No search: no create was sent before the first, and the replay found the record id in the journal.
        wm.verify(0, getRequestedFor(urlPathEqualTo(CALLS + "/search")));
    }
}
