package io.switchboard.vendor.udesk.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A 2xx udesk answer the client cannot read is a non-retryable malformed_response: the call may have been placed. */
class UdeskUnreadableAnswerTest {

    @RegisterExtension
    static WireMockExtension udesk = UdeskApiStub.server();

    private static final UdeskOriginate CALL = new UdeskOriginate("057128091649", "15652692674", "057128091649", "91",
            null);

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
    void truncatedJson() {
        VendorApiException e = originateAnswered(UdeskApiStub.json(200, "{\"ErrCode\": \"000000\", \"ErrDe"));

        assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).isEqualTo("udesk originatev2 failed: malformed response, HTTP 200 (not JSON)");
    }

    @Test
    void htmlInsteadOfJson() {
        VendorApiException e = originateAnswered(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html><body>Welcome to nginx!</body></html>"));

        assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
    }

    @Test
    void jsonWithoutErrCode() {
        VendorApiException e = originateAnswered(UdeskApiStub.json(200, "{\"status\": \"ok\"}"));

        assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("no ErrCode");
    }

    @Test
    void successWithoutCallId() {
        VendorApiException e = originateAnswered(UdeskApiStub.json(200,
                "{\"ErrCode\": \"000000\", \"ErrDesc\": \"OK\", \"results\": \"\"}"));

        assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("no CallID");
    }

    private VendorApiException originateAnswered(ResponseDefinitionBuilder answer) {
        udesk.stubFor(post(urlPathEqualTo(UdeskApiStub.api("originatev2"))).willReturn(answer));
        return catchThrowableOfType(() -> client.originate(CALL), VendorApiException.class);
    }
}
