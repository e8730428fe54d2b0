package io.switchboard.vendor.udesk.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** No answer in time, or nobody listening: a retryable failure with status 0. */
class UdeskTimeoutTest {

    @RegisterExtension
    static WireMockExtension udesk = UdeskApiStub.server();

    @Test
    void aSlowAnswerTimesOut() {
        udesk.stubFor(get(urlPathEqualTo(UdeskApiStub.api("subscriptions")))
                .willReturn(UdeskApiStub.ok("\"Result\": []").withFixedDelay(3_000)));

        try (UdeskApiClient client = UdeskApiStub.client(udesk)) { // response timeout 500 ms
            VendorApiException e = catchThrowableOfType(client::subscriptions, VendorApiException.class);

            assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(e.httpStatus()).isZero();
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage())
                    .isEqualTo("udesk list subscriptions failed: timeout (response timeout 500 ms) [retryable]");
        }
    }

    @Test
    void aClosedPortIsARetryableIoError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        UdeskApiSettings settings = UdeskApiSettings.of(URI.create("http://127.0.0.1:" + closedPort), UdeskApiStub.APP_ID,
                UdeskApiStub.SID, UdeskApiStub.AUTH_TOKEN);

        try (UdeskApiClient client = new UdeskApiClient(settings, Clock.systemUTC(), new ObjectMapper())) {
            VendorApiException e = catchThrowableOfType(client::subscriptions, VendorApiException.class);

            assertThat(e.kind()).isIn(Kind.UNREACHABLE, Kind.TIMEOUT);
            assertThat(e.httpStatus()).isZero();
            assertThat(e.retryable()).isTrue();
        }
    }
}
