package io.switchboard.vendor.callr.api;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.switchboard.vendor.callr.api.CallrWireMock.result;
import static io.switchboard.vendor.callr.api.CallrWireMock.rpcMethod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import io.switchboard.vendor.api.VendorHttpSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A vendor slower than the read timeout, or not listening, gives a retryable failure without an HTTP status. */
class CallrTimeoutTest {

    @RegisterExtension
    static WireMockExtension wm = CallrWireMock.server();

    @Test
    void slowAnswerIsARetryableTimeout() {
        wm.stubFor(rpcMethod("calls.any").willReturn(okJson(result(1, "true")).withFixedDelay(2_000)));

        VendorApiException failure = assertThrows(VendorApiException.class, () -> {
            try (CallrApiClient client = CallrWireMock.client(
                    wm, new CallrCredentials.ApiKey(CallrWireMock.API_KEY), null, Duration.ofMillis(250))) {
                client.call("calls.any", List.of());
            }
        });

        assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.httpStatus()).isZero();
        assertThat(failure.getMessage()).contains("read timeout 250 ms");
    }

    @Test
    void refusedConnectionIsRetryableUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        CallrApiConfig config = new CallrApiConfig(
                URI.create("http://127.0.0.1:" + closedPort),
                new CallrCredentials.ApiKey(CallrWireMock.API_KEY),
                null,
                new VendorHttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(1)));

        VendorApiException failure = assertThrows(VendorApiException.class, () -> {
            try (CallrApiClient client = new CallrApiClient(config)) {
                client.call("calls.any", List.of());
            }
        });

        assertThat(failure.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).doesNotContain(CallrWireMock.API_KEY);
    }
}
