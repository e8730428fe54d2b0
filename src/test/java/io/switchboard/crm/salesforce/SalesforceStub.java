package io.switchboard.crm.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.crm.CrmRecords;
import io.switchboard.crm.CrmSinkHarness;

/** Salesforce's documented answers on WireMock, and sinks pointed at it. */
final class SalesforceStub {

    static final String CLIENT_ID = "3MVG9test_consumer_key";
    static final String CLIENT_SECRET = "sf-consumer-secret-42";
    static final String REFRESH_TOKEN = "5Aep861test-refresh-token";
    static final String TOKEN_PATH = "/services/oauth2/token";
    static final String TOKEN_FORM = "grant_type=refresh_token&client_id=3MVG9test_consumer_key"
            + "&client_secret=sf-consumer-secret-42&refresh_token=5Aep861test-refresh-token";
    static final String DATA = "/services/data/v62.0";
    static final String UPSERT_PREFIX = DATA + "/sobjects/Task/Switchboard_Call_Id__c/";

    private SalesforceStub() {}

    static SalesforceTaskSink sink(WireMockExtension wm, CrmRecords records) {
        SalesforceTaskSink sink = CrmSinkHarness.configure(new SalesforceTaskSink(), "salesforce-main", records);
        sink.setClientId(CLIENT_ID);
        sink.setClientSecret(CLIENT_SECRET);
        sink.setRefreshToken(REFRESH_TOKEN);
        sink.setLoginUrl(CrmSinkHarness.baseUrl(wm));
        sink.setExternalIdField("Switchboard_Call_Id__c");
        sink.setTimeZone("Europe/Paris");
        return sink;
    }

    static String tokenAnswer(WireMockExtension wm, String token) {
        return "{\"access_token\":\"" + token + "\",\"signature\":\"c2lnbmF0dXJl\",\"scope\":\"refresh_token api\","
                + "\"instance_url\":\"" + CrmSinkHarness.baseUrl(wm) + "\",\"id\":\"https://login.salesforce.com/id/"
                + "00Dxx0000001gPL/005xx000001X8Uz\",\"token_type\":\"Bearer\",\"issued_at\":\"1732350000000\"}";
    }

    static void token(WireMockExtension wm, String token) {
        wm.stubFor(post(urlEqualTo(TOKEN_PATH)).withRequestBody(equalTo(TOKEN_FORM)).willReturn(okJson(tokenAnswer(wm, token))));
    }

    /** A SOSL answer: {@code searchRecords} of {@code type} with the given ids. */
    static String searchAnswer(String type, String... ids) {
        StringBuilder records = new StringBuilder();
        for (String id : ids) {
            if (records.length() > 0) {
                records.append(',');
            }
            records.append("{\"attributes\":{\"type\":\"").append(type).append("\",\"url\":\"").append(DATA)
                    .append("/sobjects/").append(type).append('/').append(id).append("\"},\"Id\":\"").append(id)
                    .append("\",\"OwnerId\":\"005xx000001X8Uz\"}");
        }
        return "{\"searchRecords\":[" + records + "]}";
    }

    static String upserted(String id, boolean created) {
        return "{\"id\":\"" + id + "\",\"success\":true,\"errors\":[],\"created\":" + created + "}";
    }
}
