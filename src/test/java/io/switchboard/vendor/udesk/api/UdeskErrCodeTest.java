package io.switchboard.vendor.udesk.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A code other than 000000 or an HTTP error becomes a VendorApiException carrying udesk's ErrCode and ErrDesc. */
class UdeskErrCodeTest {

    @RegisterExtension
    static WireMockExtension udesk = UdeskApiStub.server();

    private UdeskApiClient client;

    @BeforeEach
    void setUp() {
        client = UdeskApiStub.client(udesk);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void aRefusedAppIdIsNotRetryable() {
        VendorApiException e = listAnswered(UdeskApiStub.json(200,
                "{\"ErrCode\":\"100002\",\"ErrDesc\":\"AppId AppNotFound or forbidden\",\"Result\":{}}"));

        assertThat(e.vendor()).isEqualTo("udesk");
        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.operation()).isEqualTo("list subscriptions");
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.vendorCode()).hasValue("100002");
        assertThat(e.vendorMessage()).hasValue("AppId AppNotFound or forbidden");
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).isEqualTo("udesk list subscriptions failed: rejected, HTTP 200, vendor code 100002: "
                        + "AppId AppNotFound or forbidden")
                .doesNotContain(UdeskApiStub.AUTH_TOKEN).doesNotContain(UdeskApiStub.SIGN_AT_NOW_MS);
    }

    @Test
    void aSystemInternalErrorIsRetryable() {
        VendorApiException e = listAnswered(UdeskApiStub.json(200,
                "{\"ErrCode\":\"000003\",\"ErrDesc\":\"System internal error\"}"));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.vendorCode()).hasValue("000003");
        assertThat(e.vendorMessage()).hasValue("System internal error");
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void anErrorEnvelopeWithAnHttpErrorKeepsBoth() {
        VendorApiException e = listAnswered(UdeskApiStub.json(400,
                "{\"ErrCode\":\"100004\",\"ErrDesc\":\"unexpected end of JSON input\"}"));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.vendorCode()).hasValue("100004");
        assertThat(e.vendorMessage()).hasValue("unexpected end of JSON input");
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("HTTP 400").contains("100004");
    }

    @Test
    void anUnavailableGatewayIsRetryableAfterItsRetryAfter() {
        VendorApiException e = listAnswered(aResponse().withStatus(503).withHeader("Retry-After", "30")
                .withHeader("Content-Type", "text/html").withBody("<html><body>503 Service Unavailable</body></html>"));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(e.vendorCode()).isEmpty();
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void unauthorisedWithoutBodyIsNotRetryable() {
        VendorApiException e = listAnswered(aResponse().withStatus(401));

        assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.vendorCode()).isEmpty();
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void anInternalServerErrorWithoutEnvelopeIsAVendorErrorNotRetried() {
        VendorApiException e = listAnswered(aResponse().withStatus(500).withBody("oops"));

        assertThat(e.kind()).isEqualTo(Kind.VENDOR_ERROR);
        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(e.retryable()).isFalse();
    }

    private VendorApiException listAnswered(ResponseDefinitionBuilder answer) {
        udesk.stubFor(get(urlPathEqualTo(UdeskApiStub.api("subscriptions"))).willReturn(answer));
        return catchThrowableOfType(() -> client.subscriptions(), VendorApiException.class);
    }
}
