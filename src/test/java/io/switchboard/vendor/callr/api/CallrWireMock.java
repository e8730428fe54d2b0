package io.switchboard.vendor.callr.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.switchboard.vendor.api.VendorHttpSettings;
import java.net.URI;
import java.time.Duration;

/** A CALLR JSON-RPC endpoint on 127.0.0.1 (WireMock, dynamic port) and clients pointed at it. */
final class CallrWireMock {

    static final String PATH = "/json-rpc/v1.1/";
    static final String LOGIN = "acme_ops";
    static final String PASSWORD = "pa55-w0rd-Zq9";
    static final String API_KEY = "k3y-7f1c2a9e5b";
    /** base64("acme_ops:pa55-w0rd-Zq9") */
    static final String BASIC_HEADER = "Basic YWNtZV9vcHM6cGE1NS13MHJkLVpxOQ==";

    private CallrWireMock() {}

    static WireMockExtension server() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
                .build();
    }

    static CallrApiClient client(WireMockExtension wm) {
        return client(wm, new CallrCredentials.Basic(LOGIN, PASSWORD), null, Duration.ofSeconds(5));
    }

    static CallrApiClient client(
            WireMockExtension wm, CallrCredentials credentials, String loginAs, Duration readTimeout) {
        return new CallrApiClient(new CallrApiConfig(
                URI.create("http://127.0.0.1:" + wm.getPort()),
                credentials,
                loginAs,
                new VendorHttpSettings(Duration.ofSeconds(2), readTimeout)));
    }

    /** A stub for one exact JSON-RPC request body. */
    static MappingBuilder rpc(String exactRequestBody) {
        return post(urlEqualTo(PATH)).withRequestBody(equalToJson(exactRequestBody));
    }

    /** A stub for any request calling {@code method}. */
    static MappingBuilder rpcMethod(String method) {
        return post(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.method", equalTo(method)));
    }

    static RequestPatternBuilder calls(String method) {
        return postRequestedFor(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.method", equalTo(method)));
    }

    static String result(long id, String resultJson) {
        return "{\"id\":" + id + ",\"jsonrpc\":\"2.0\",\"result\":" + resultJson + "}";
    }

    static String error(long id, int code, String message) {
        return "{\"id\":" + id + ",\"jsonrpc\":\"2.0\",\"error\":{\"code\":" + code + ",\"message\":\"" + message
                + "\",\"data\":null}}";
    }
}
