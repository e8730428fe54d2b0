package io.switchboard.crm.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.crm.CrmRecords;
import io.switchboard.crm.CrmSinkHarness;

/** HubSpot's documented answers on WireMock, and sinks pointed at it. */
final class HubSpotStub {

    static final String TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555";
    static final String CONTACT_SEARCH = "/crm/v3/objects/contacts/search";
    static final String COMPANY_SEARCH = "/crm/v3/objects/companies/search";
    static final String CALL_SEARCH = "/crm/v3/objects/calls/search";
    static final String CALLS = "/crm/v3/objects/calls";
    static final String TASKS = "/crm/v3/objects/tasks";
    static final String CONTACTS = "/crm/v3/objects/contacts";

    private HubSpotStub() {}

    static HubSpotCallSink sink(WireMockExtension wm, String connectorId, CrmRecords records) {
        HubSpotCallSink sink = CrmSinkHarness.configure(new HubSpotCallSink(), connectorId, records);
        sink.setBaseUrl(CrmSinkHarness.baseUrl(wm));
        sink.setAccessToken(TOKEN);
        return sink;
    }

    /** A search answer with the given contact ids (HubSpot's CollectionResponse shape). */
    static String searchAnswer(String... ids) {
        StringBuilder results = new StringBuilder();
        for (String id : ids) {
            if (results.length() > 0) {
                results.append(',');
            }
            results.append("{\"id\":\"").append(id).append("\",\"properties\":{\"createdate\":\"2026-01-10T10:00:00.000Z\",")
                    .append("\"hs_object_id\":\"").append(id).append("\",\"phone\":\"+33612345678\",\"mobilephone\":null,")
                    .append("\"hubspot_owner_id\":\"77\"},\"createdAt\":\"2026-01-10T10:00:00.000Z\",")
                    .append("\"updatedAt\":\"2026-02-01T08:00:00.000Z\",\"archived\":false}");
        }
        return "{\"total\":" + ids.length + ",\"results\":[" + results + "]}";
    }

    static String created(String id) {
        return "{\"id\":\"" + id + "\",\"properties\":{\"hs_createdate\":\"2026-11-23T09:16:13.000Z\","
                + "\"hs_object_id\":\"" + id + "\"},\"createdAt\":\"2026-11-23T09:16:13.000Z\","
                + "\"updatedAt\":\"2026-11-23T09:16:13.000Z\",\"archived\":false}";
    }

    static void contactsFound(WireMockExtension wm, String... ids) {
        wm.stubFor(post(urlEqualTo(CONTACT_SEARCH)).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson(searchAnswer(ids))));
    }

    static void companiesFound(WireMockExtension wm, String... ids) {
        wm.stubFor(post(urlEqualTo(COMPANY_SEARCH)).willReturn(okJson(searchAnswer(ids))));
    }

    /** No call carries the hub call id yet. */
    static void noCallWithHubId(WireMockExtension wm) {
        wm.stubFor(post(urlEqualTo(CALL_SEARCH)).willReturn(okJson(searchAnswer())));
    }

    static void callCreated(WireMockExtension wm, String id) {
        wm.stubFor(post(urlEqualTo(CALLS))
                .withRequestBody(matchingJsonPath("$.properties.hs_timestamp"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(created(id))));
    }
}
