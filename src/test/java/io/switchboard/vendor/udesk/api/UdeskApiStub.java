package io.switchboard.vendor.udesk.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** The udesk account of the tests and WireMock answers shaped like the seed's examples. */
final class UdeskApiStub {

    static final String APP_ID = "d30fe35c-995d-4921-55b8-ad21b476bbb8";
    static final String SID = "123456789abcdef";
    static final String AUTH_TOKEN = "udesk-test-auth-token";
    static final long NOW_MS = 1566446286000L;
    /** python3: hashlib.sha1(b"123456789abcdef" + b"udesk-test-auth-token" + b"1566446286000").hexdigest() */
    static final String SIGN_AT_NOW_MS = "4e60e0a6b06e750a6f5d39cd99bcc2bad323b2a1";
    /** Same with the timestamp in seconds, "1566446286". */
    static final String SIGN_AT_NOW_S = "c76b67d05e59343b571bc1cd5159532372e7a3ec";

    private UdeskApiStub() {}

    static WireMockExtension server() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    }

    static UdeskApiSettings settings(WireMockExtension server) {
        return UdeskApiSettings.of(URI.create(server.baseUrl()), APP_ID, SID, AUTH_TOKEN)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500));
    }

    static UdeskApiClient client(WireMockExtension server) {
        return new UdeskApiClient(settings(server), Clock.fixed(Instant.ofEpochMilli(NOW_MS), ZoneOffset.UTC),
                new ObjectMapper());
    }

    static String api(String path) {
        return "/ccapi/v2/" + path;
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=utf-8").withBody(body);
    }

    static ResponseDefinitionBuilder ok(String resultField) {
        return json(200, "{\"ErrCode\":\"000000\",\"ErrDesc\":\"OK\"" + (resultField == null ? "" : "," + resultField) + "}");
    }

    /** The call-control answer: code/message instead of ErrCode/ErrDesc. */
    static ResponseDefinitionBuilder callControlOk() {
        return json(200, "{\"code\":\"000000\",\"message\":\"OK\",\"results\":\"\"}");
    }
}
