package io.switchboard.crm.zoho;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.crm.CrmRecords;
import io.switchboard.crm.CrmSinkHarness;

/** Zoho CRM's documented answers on WireMock, and sinks pointed at it. */
final class ZohoStub {

    static final String CLIENT_ID = "1000.TESTCLIENT";
    static final String CLIENT_SECRET = "zoho-client-secret-99";
    static final String REFRESH_TOKEN = "1000.refresh.test";
    static final String TOKEN_PATH = "/oauth/v2/token";
    static final String TOKEN_FORM = "grant_type=refresh_token&client_id=1000.TESTCLIENT"
            + "&client_secret=zoho-client-secret-99&refresh_token=1000.refresh.test";
    static final String CALLS = "/crm/v8/Calls";

    private ZohoStub() {}

    static ZohoCallSink sink(WireMockExtension wm, CrmRecords records) {
        ZohoCallSink sink = CrmSinkHarness.configure(new ZohoCallSink(), "zoho-main", records);
        sink.setClientId(CLIENT_ID);
        sink.setClientSecret(CLIENT_SECRET);
        sink.setRefreshToken(REFRESH_TOKEN);
        sink.setAccountsUrl(CrmSinkHarness.baseUrl(wm));
        sink.setTimeZone("Europe/Paris");
        return sink;
    }

    static String tokenAnswer(WireMockExtension wm, String token) {
        return "{\"access_token\":\"" + token + "\",\"scope\":\"ZohoCRM.modules.ALL\",\"api_domain\":\""
                + CrmSinkHarness.baseUrl(wm) + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
    }

    static void token(WireMockExtension wm, String token) {
        wm.stubFor(post(urlEqualTo(TOKEN_PATH)).withRequestBody(equalTo(TOKEN_FORM)).willReturn(okJson(tokenAnswer(wm, token))));
    }

    static String records(String... ids) {
        StringBuilder data = new StringBuilder();
        for (String id : ids) {
            if (data.length() > 0) {
                data.append(',');
            }
            data.append("{\"Owner\":{\"name\":\"Patricia Boyle\",\"id\":\"4150868000000225013\",\"email\":\"p.boyle@acme.example\"},")
                    .append("\"Full_Name\":\"Jeanne Martin\",\"Phone\":\"+33612345678\",\"id\":\"").append(id).append("\"}");
        }
        return "{\"data\":[" + data + "],\"info\":{\"per_page\":200,\"count\":" + ids.length
                + ",\"page\":1,\"more_records\":false}}";
    }

    static String success(String id, String message) {
        return "{\"data\":[{\"code\":\"SUCCESS\",\"details\":{\"Modified_Time\":\"2026-11-23T10:16:13+01:00\","
                + "\"Modified_By\":{\"name\":\"Patricia Boyle\",\"id\":\"4150868000000225013\"},"
                + "\"Created_Time\":\"2026-11-23T10:16:13+01:00\",\"id\":\"" + id + "\","
                + "\"Created_By\":{\"name\":\"Patricia Boyle\",\"id\":\"4150868000000225013\"}},"
                + "\"message\":\"" + message + "\",\"status\":\"success\"}]}";
    }
}
