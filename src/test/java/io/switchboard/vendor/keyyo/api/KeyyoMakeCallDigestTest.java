package io.switchboard.vendor.keyyo.api;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** makecall.html: Digest challenge, then the authorised GET with the documented parameters, answered OK. */
class KeyyoMakeCallDigestTest {

    @RegisterExtension
    static WireMockExtension keyyo = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

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
    void answersTheDigestChallengeWithTheLinesSipCredentials() {
        client.makeCall(KeyyoDigestServer.LINE, KeyyoCall.to("33698765432"));

        List<LoggedRequest> requests = keyyo.findAll(getRequestedFor(urlPathEqualTo("/makecall.html")));
        assertThat(requests).hasSize(2);
        LoggedRequest first = requests.stream().filter(r -> !r.containsHeader("Authorization")).findFirst().orElseThrow();
        LoggedRequest authorised = KeyyoDigestServer.authorisedRequests(keyyo).get(0);
        assertThat(first.getUrl()).isEqualTo(authorised.getUrl());

        String header = authorised.getHeader("Authorization");
        assertThat(header).startsWith("Digest ");
        Map<String, String> digest = KeyyoDigestServer.digestParameters(header);
        assertThat(digest).containsEntry("username", "33123456789")
                .containsEntry("realm", KeyyoDigestServer.REALM)
                .containsEntry("nonce", KeyyoDigestServer.NONCE)
                .containsEntry("qop", "auth")
                .containsEntry("uri", authorised.getUrl())
                .containsKeys("response", "cnonce", "nc");
        assertThat(header).doesNotContain(KeyyoDigestServer.LINE.sipPassword());
    }

    @Test
    void sendsAccountAndCalleeOnly() {
        client.makeCall(KeyyoDigestServer.LINE, KeyyoCall.to("33698765432"));

        keyyo.verify(1, getRequestedFor(urlPathEqualTo("/makecall.html"))
                .withHeader("Authorization", matching("Digest .*"))
                .withQueryParam("ACCOUNT", equalTo("33123456789"))
                .withQueryParam("CALLEE", equalTo("33698765432"))
                .withQueryParam("CALLEE_NAME", absent())
                .withQueryParam("CALLER", absent())
                .withQueryParam("RECORD", absent()));
    }

    @Test
    void sendsTheOptionalNameCallerAndRecordFlag() {
        client.makeCall(KeyyoDigestServer.LINE, new KeyyoCall("0698765432", "Hôtel Dupont & Fils", "33100000000", true));

        keyyo.verify(1, getRequestedFor(urlPathEqualTo("/makecall.html"))
                .withHeader("Authorization", matching("Digest .*"))
                .withQueryParam("ACCOUNT", equalTo("33123456789"))
                .withQueryParam("CALLEE", equalTo("0698765432"))
                .withQueryParam("CALLEE_NAME", equalTo("Hôtel Dupont & Fils"))
                .withQueryParam("CALLER", equalTo("33100000000"))
                .withQueryParam("RECORD", equalTo("1")));
    }
}
