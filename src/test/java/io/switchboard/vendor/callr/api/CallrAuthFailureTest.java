package io.switchboard.vendor.callr.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.switchboard.vendor.callr.api.CallrWireMock.error;
import static io.switchboard.vendor.callr.api.CallrWireMock.rpcMethod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HTTP 401/403 is an AUTHENTICATION failure, not retryable, and never shows the credentials. */
class CallrAuthFailureTest {

    @RegisterExtension
    static WireMockExtension wm = CallrWireMock.server();

    @Test
    void unauthorizedIsAnAuthenticationFailureWithoutSecrets() {
        wm.stubFor(rpcMethod("apps.create").willReturn(aResponse()
                .withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody(error(1, 22, "Authentication failed"))));

        VendorApiException failure = assertThrows(VendorApiException.class, () -> {
            try (CallrApiClient client = CallrWireMock.client(wm)) {
                client.createApp("CLICKTOCALL10", "hub");
            }
        });

        assertThat(failure.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.httpStatus()).isEqualTo(401);
        assertThat(failure.vendorMessage()).contains("Authentication failed");
        assertThat(failure.toString())
                .doesNotContain(CallrWireMock.PASSWORD, CallrWireMock.BASIC_HEADER, "YWNtZV9vcHM6");
    }

    @Test
    void forbiddenWithAnEmptyBodyIsAnAuthenticationFailure() {
        wm.stubFor(rpcMethod("calls.any").willReturn(aResponse().withStatus(403)));

        VendorApiException failure = assertThrows(VendorApiException.class, () -> {
            try (CallrApiClient client = CallrWireMock.client(
                    wm, new CallrCredentials.ApiKey(CallrWireMock.API_KEY), null, Duration.ofSeconds(5))) {
                client.call("calls.any", List.of());
            }
        });

        assertThat(failure.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(failure.vendorMessage()).isEmpty();
        assertThat(failure.getMessage()).isEqualTo("callr calls.any failed: authentication, HTTP 403")
                .doesNotContain(CallrWireMock.API_KEY);
    }
}
