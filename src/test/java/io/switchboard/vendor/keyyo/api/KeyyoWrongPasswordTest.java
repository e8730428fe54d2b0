package io.switchboard.vendor.keyyo.api;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A SIP password Keyyo does not accept fails at once, without leaking the password. */
class KeyyoWrongPasswordTest {

    @RegisterExtension
    static WireMockExtension keyyo = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private static final KeyyoLine WRONG = new KeyyoLine("33123456789", "33123456789", "not-the-password");

    private KeyyoApiClient client;

    @BeforeEach
    void setUp() {
        client = new KeyyoApiClient(KeyyoApiSettings.of(KeyyoDigestServer.baseUrl(keyyo)));
        KeyyoDigestServer.stub(keyyo, "makecall.html", KeyyoDigestServer.ok());
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void failsAsUnauthorisedAndNotRetryable() {
        VendorApiException e = catchThrowableOfType(() -> client.makeCall(WRONG, KeyyoCall.to("33698765432")),
                VendorApiException.class);

        assertThat(e.vendor()).isEqualTo("keyyo");
        assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("33123456789").contains("makecall").doesNotContain("not-the-password");
        // the challenge was answered once with Digest, then the client gave up
        assertThat(KeyyoDigestServer.authorisedRequests(keyyo)).hasSize(1)
                .allSatisfy(r -> assertThat(r.getHeader("Authorization")).startsWith("Digest "));
    }

    @Test
    void failsTheQueuedCallWithoutRetrying() throws Exception {
        try (KeyyoCallQueue queue = new KeyyoCallQueue(client, KeyyoCallQueue.Settings.defaults())) {
            Throwable failure = queue.submit(WRONG, KeyyoCall.to("33698765432")).handle((ok, error) -> error)
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(failure).isInstanceOf(VendorApiException.class);
            assertThat(((VendorApiException) failure).kind()).isEqualTo(Kind.AUTHENTICATION);
            assertThat(KeyyoDigestServer.authorisedRequests(keyyo)).hasSize(1);
        }
    }
}
