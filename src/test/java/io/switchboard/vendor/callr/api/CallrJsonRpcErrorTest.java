package io.switchboard.vendor.callr.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.switchboard.vendor.callr.api.CallrWireMock.error;
import static io.switchboard.vendor.callr.api.CallrWireMock.rpcMethod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A JSON-RPC error object becomes a non-retryable REJECTED failure carrying CALLR's code and message. */
class CallrJsonRpcErrorTest {

    @RegisterExtension
    static WireMockExtension wm = CallrWireMock.server();

    @Test
    void errorInAnHttp200AnswerIsRejected() {
        wm.stubFor(rpcMethod("clicktocall/calls.start_2")
                .willReturn(okJson(error(1, 116, "Invalid phone number: +3361"))));

        VendorApiException failure = assertThrows(VendorApiException.class, () -> {
            try (CallrApiClient client = CallrWireMock.client(wm)) {
                client.startClickToCall("APP1", List.of(new CallrTarget("+33612345678", 30)),
                        List.of(new CallrTarget("+33187654321", 30)), CallrStartOptions.none());
            }
        });

        assertThat(failure.vendor()).isEqualTo("callr");
        assertThat(failure.operation()).isEqualTo("clicktocall/calls.start_2");
        assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.httpStatus()).isEqualTo(200);
        assertThat(failure.vendorCode()).contains("116");
        assertThat(failure.vendorMessage()).contains("Invalid phone number: +3361");
        assertThat(failure.getMessage())
                .contains("callr clicktocall/calls.start_2 failed: rejected", "vendor code 116", "Invalid phone number")
                .doesNotContain(CallrWireMock.PASSWORD, CallrWireMock.BASIC_HEADER);
    }

    @Test
    void errorInAnHttp400AnswerKeepsTheStatus() {
        wm.stubFor(rpcMethod("apps.create").willReturn(aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(error(1, -32602, "Invalid params"))));

        VendorApiException failure = assertThrows(VendorApiException.class, () -> {
            try (CallrApiClient client = CallrWireMock.client(wm)) {
                client.createApp("CLICKTOCALL10", "hub");
            }
        });

        assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
        assertThat(failure.httpStatus()).isEqualTo(400);
        assertThat(failure.vendorCode()).contains("-32602");
        assertThat(failure.vendorMessage()).contains("Invalid params");
    }
}
