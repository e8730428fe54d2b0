package io.switchboard.crm.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.switchboard.crm.salesforce.SalesforceStub.DATA;
import static io.switchboard.crm.salesforce.SalesforceStub.UPSERT_PREFIX;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.crm.CrmRouteTestSupport;
import io.switchboard.crm.CrmSinkHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Through the real hub: a Telphin call ends, the call source delivers it to the salesforce-task-sink
 * Kamelet, which upserts one Task on WireMock's Salesforce; a 503 is retried, and a replayed delivery
 * upserts the same Task (same External ID URL, no POST).
 */
class SalesforceTaskSinkIT extends CrmRouteTestSupport {

    @RegisterExtension
    static WireMockExtension wm = CrmSinkHarness.server();

    @Test
    void anEndedCallIsUpsertedOnceRetriedAfterA503AndAReplayUpsertsTheSameTask() throws Exception {
        SalesforceStub.token(wm, "00Dxx!it-token");
        wm.stubFor(WireMock.get(urlPathEqualTo(DATA + "/search/"))
                .withQueryParam("q", equalTo("FIND {\"\\+79165550123\" OR \"8 \\(916\\) 555\\-01\\-23\" OR \"89165550123\"}"
                        + " IN PHONE FIELDS RETURNING Contact(Id,OwnerId)"))
                .willReturn(okJson(SalesforceStub.searchAnswer("Contact", "003xx000004TmiQ"))));
        route("salesforce-it", "kamelet:salesforce-task-sink?connectorId=salesforce-it"
                + "&clientId=" + SalesforceStub.CLIENT_ID + "&clientSecret=" + SalesforceStub.CLIENT_SECRET
                + "&refreshToken=" + SalesforceStub.REFRESH_TOKEN + "&loginUrl=" + CrmSinkHarness.baseUrl(wm)
                + "&externalIdField=Switchboard_Call_Id__c&timeZone=Europe/Moscow&agentOwners=RAW(101=005xx000001X8Uz)");

        // The upsert answers 503 (Retry-After 0) once, then 201 Created, then 200 for the replay.
        String anyUpsert = UPSERT_PREFIX.replace(".", "\\.") + "[0-9a-f-]{36}";
        wm.stubFor(patch(urlMatching(anyUpsert)).inScenario("upsert").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")
                        .withHeader("Content-Type", "application/json")
                        .withBody("[{\"message\":\"Server unavailable\",\"errorCode\":\"SERVER_UNAVAILABLE\"}]"))
                .willSetStateTo("up"));
        wm.stubFor(patch(urlMatching(anyUpsert)).inScenario("upsert").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(SalesforceStub.upserted("00Txx000001AbCd", true)))
                .willSetStateTo("exists"));
        wm.stubFor(patch(urlMatching(anyUpsert)).inScenario("upsert").whenScenarioStateIs("exists")
                .willReturn(okJson(SalesforceStub.upserted("00Txx000001AbCd", false))));

        String callId = sendAnsweredCall();
        String upsert = UPSERT_PREFIX + callId;
        await().atMost(WAIT).until(() -> "DELIVERED".equals(deliveryStatus("salesforce-it", callId)));

        wm.verify(1, postRequestedFor(urlEqualTo(SalesforceStub.TOKEN_PATH)));
        wm.verify(2, patchRequestedFor(urlEqualTo(upsert))
                .withHeader("Authorization", equalTo("Bearer 00Dxx!it-token"))
                .withRequestBody(equalToJson("""
                        {"Subject":"Inbound call from +79165550123",
                         "Description":"${json-unit.any-string}",
                         "TaskSubtype":"Call",
                         "Status":"Completed",
                         "ActivityDate":"2024-11-23",
                         "CallType":"Inbound",
                         "CallDurationInSeconds":95,
                         "CallDisposition":"Answered",
                         "CallObject":"%s",
                         "WhoId":"003xx000004TmiQ",
                         "OwnerId":"005xx000001X8Uz"}""".formatted(callId))));

        replay("salesforce-it", callId);

        await().atMost(WAIT).until(() -> wm.findAll(patchRequestedFor(urlEqualTo(upsert))).size() == 3
                && "DELIVERED".equals(deliveryStatus("salesforce-it", callId)));
        wm.verify(0, postRequestedFor(urlEqualTo(DATA + "/sobjects/Task")));
        wm.verify(3, getRequestedFor(urlPathEqualTo(DATA + "/search/")));
    }
}
