package io.switchboard.vendor.keyyo.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
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

/** How one Keyyo answer becomes success, rate limit or failure. */
class KeyyoAnswerClassificationTest {

    @RegisterExtension
    static WireMockExtension keyyo = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private KeyyoApiClient client;

    @BeforeEach
    void setUp() {
        client = new KeyyoApiClient(new KeyyoApiSettings(KeyyoDigestServer.baseUrl(keyyo), Duration.ofSeconds(2),
                Duration.ofMillis(300)));
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void okWithTrailingNewlineIsSuccess() {
        KeyyoDigestServer.stub(keyyo, "makecall.html", aResponse().withStatus(200).withBody("OK\r\n"));

        assertThatCode(() -> client.makeCall(KeyyoDigestServer.LINE, KeyyoCall.to("33698765432"))).doesNotThrowAnyException();
    }

    @Test
    void comeBackLaterInTheBodyIsARetryableRateLimit() {
        VendorApiException e = makeCallAnswered(KeyyoDigestServer.comeBackLater());

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(e.vendorMessage()).hasValue("Come Back Later");
        assertThat(e.vendorCode()).isEmpty();
        assertThat(e.retryable()).isTrue();
        assertThat(KeyyoApiClient.isComeBackLater(e)).isTrue();
    }

    @Test
    void comeBackLaterAsTheReasonPhraseIsARetryableRateLimit() {
        VendorApiException e = makeCallAnswered(aResponse().withStatus(500).withStatusMessage("Come Back Later"));

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.vendorMessage()).hasValue("Come Back Later");
        assertThat(e.retryable()).isTrue();
        assertThat(KeyyoApiClient.isComeBackLater(e)).isTrue();
    }

    @Test
    void anotherInternalServerErrorIsAVendorErrorNotRetried() {
        VendorApiException e = makeCallAnswered(aResponse().withStatus(500).withBody("Internal Server Error"));

        assertThat(e.kind()).isEqualTo(Kind.VENDOR_ERROR);
        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(e.vendorMessage()).hasValue("Internal Server Error");
        assertThat(e.retryable()).isFalse();
        assertThat(KeyyoApiClient.isComeBackLater(e)).isFalse();
    }

    @Test
    void anotherBodyIsAnUnexpectedAnswer() {
        VendorApiException e = makeCallAnswered(aResponse().withStatus(200).withBody("KO : ACCOUNT inconnu"));

        assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.vendorMessage()).hasValue("KO : ACCOUNT inconnu");
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("KO : ACCOUNT inconnu");
    }

    @Test
    void anUnavailableServerIsRetryable() {
        VendorApiException e = makeCallAnswered(aResponse().withStatus(503).withBody("Service Unavailable"));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(e.vendorMessage()).hasValue("Service Unavailable");
        assertThat(e.retryable()).isTrue();
        assertThat(KeyyoApiClient.isComeBackLater(e)).isFalse();
    }

    @Test
    void aSilentServerIsARetryableTimeout() {
        VendorApiException e = makeCallAnswered(KeyyoDigestServer.ok().withFixedDelay(3_000));

        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.httpStatus()).isZero();
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("response timeout 300 ms");
    }

    private VendorApiException makeCallAnswered(ResponseDefinitionBuilder answer) {
        KeyyoDigestServer.stub(keyyo, "makecall.html", answer);
        return catchThrowableOfType(() -> client.makeCall(KeyyoDigestServer.LINE, KeyyoCall.to("33698765432")),
                VendorApiException.class);
    }
}
