package io.switchboard.vendor.callr.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.switchboard.vendor.callr.api.CallrWireMock.result;
import static io.switchboard.vendor.callr.api.CallrWireMock.rpcMethod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/** A 2xx answer that is not the documented JSON-RPC shape is a MALFORMED_RESPONSE, never a silent null. */
class CallrMalformedResponseTest {

    @RegisterExtension
    static WireMockExtension wm = CallrWireMock.server();

    @Test
    void htmlInsteadOfJson() {
        wm.stubFor(rpcMethod("apps.create").willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body>Maintenance</body></html>")));

        assertMalformed("the body is not a JSON-RPC object", client -> client.createApp("CLICKTOCALL10", "hub"));
    }

    @Test
    void neitherResultNorError() {
        wm.stubFor(rpcMethod("apps.create").willReturn(okJson("{\"id\":1,\"jsonrpc\":\"2.0\"}")));

        assertMalformed("no result and no error", client -> client.createApp("CLICKTOCALL10", "hub"));
    }

    @Test
    void answerToAnotherRequest() {
        wm.stubFor(rpcMethod("apps.create").willReturn(okJson(result(99, "{\"hash\":\"APP1\"}"))));

        assertMalformed("does not match the request id 1", client -> client.createApp("CLICKTOCALL10", "hub"));
    }

    @Test
    void appWithoutHash() {
        wm.stubFor(rpcMethod("apps.create").willReturn(okJson(result(1, "{\"name\":\"hub\"}"))));

        assertMalformed("no app hash", client -> client.createApp("CLICKTOCALL10", "hub"));
    }

    @Test
    void startWithoutCallHash() {
        wm.stubFor(rpcMethod("clicktocall/calls.start_2").willReturn(okJson(result(1, "null"))));

        assertMalformed("no call hash", client -> client.startClickToCall(
                "APP1",
                java.util.List.of(new CallrTarget("+33612345678", 30)),
                java.util.List.of(new CallrTarget("+33187654321", 30)),
                CallrStartOptions.none()));
    }

    private interface ClientCall {
        void call(CallrApiClient client);
    }

    private static void assertMalformed(String detail, ClientCall call) {
        Executable executable = () -> {
            try (CallrApiClient client = CallrWireMock.client(wm)) {
                call.call(client);
            }
        };
        VendorApiException failure = assertThrows(VendorApiException.class, executable);
        assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.httpStatus()).isEqualTo(200);
        assertThat(failure.getMessage()).contains(detail);
    }
}
