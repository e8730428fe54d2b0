package io.switchboard.vendor.callr.api;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.switchboard.vendor.callr.api.CallrWireMock.calls;
import static io.switchboard.vendor.callr.api.CallrWireMock.result;
import static io.switchboard.vendor.callr.api.CallrWireMock.rpcMethod;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JSON-RPC 2.0 envelope, content type and authentication headers CALLR documents. */
class CallrRequestEnvelopeTest {

    @RegisterExtension
    static WireMockExtension wm = CallrWireMock.server();

    @Test
    void basicAuthAndLoginAsWithAnExactEnvelope() {
        wm.stubFor(rpcMethod("apps.create").willReturn(okJson(result(1, "{\"hash\":\"APP1\"}"))));

        try (CallrApiClient client = CallrWireMock.client(
                wm, new CallrCredentials.Basic(CallrWireMock.LOGIN, CallrWireMock.PASSWORD), "agent42", Duration.ofSeconds(5))) {
            assertThat(client.createApp("CLICKTOCALL10", "hub")).isEqualTo("APP1");
        }

        wm.verify(1, calls("apps.create")
                .withHeader("Content-Type", equalTo("application/json-rpc; charset=utf-8"))
                .withHeader("Authorization", equalTo(CallrWireMock.BASIC_HEADER))
                .withHeader("CALLR-Login-As", equalTo("User.login agent42"))
                .withRequestBody(equalToJson(
                        "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"apps.create\",\"params\":[\"CLICKTOCALL10\",\"hub\",null]}")));
    }

    @Test
    void apiKeyAuthWithoutLoginAsAndIncreasingIds() {
        wm.stubFor(rpcMethod("calls.any").willReturn(okJson("{\"jsonrpc\":\"2.0\",\"id\":null,\"result\":true}")));

        try (CallrApiClient client = CallrWireMock.client(
                wm, new CallrCredentials.ApiKey(CallrWireMock.API_KEY), null, Duration.ofSeconds(5))) {
            client.call("calls.any", List.of("a"));
            client.call("calls.any", List.of("b"));
        }

        List<LoggedRequest> requests = wm.findAll(calls("calls.any"));
        assertThat(requests).hasSize(2);
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.getHeader("Authorization")).isEqualTo("Api-Key " + CallrWireMock.API_KEY);
            assertThat(request.containsHeader("CALLR-Login-As")).isFalse();
        });
        wm.verify(calls("calls.any").withHeader("CALLR-Login-As", absent())
                .withRequestBody(equalToJson("{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"calls.any\",\"params\":[\"a\"]}")));
        wm.verify(calls("calls.any")
                .withRequestBody(equalToJson("{\"id\":2,\"jsonrpc\":\"2.0\",\"method\":\"calls.any\",\"params\":[\"b\"]}")));
    }

    @Test
    void credentialsNeverShowInToString() {
        assertThat(new CallrCredentials.Basic(CallrWireMock.LOGIN, CallrWireMock.PASSWORD).toString())
                .doesNotContain(CallrWireMock.PASSWORD);
        assertThat(CallrApiConfig.of(new CallrCredentials.ApiKey(CallrWireMock.API_KEY)).toString())
                .doesNotContain(CallrWireMock.API_KEY);
        assertThat(new CallrWebhookOptions("sha256", "hmac-secret-123").toString()).doesNotContain("hmac-secret-123");
    }
}
