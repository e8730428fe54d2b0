package io.switchboard.vendor.keyyo.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** sendsms.html and setprofil.html: same Digest GET, their own parameters. */
class KeyyoSmsAndProfileTest {

    @RegisterExtension
    static WireMockExtension keyyo = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private KeyyoApiClient client;

    @BeforeEach
    void setUp() {
        client = new KeyyoApiClient(KeyyoApiSettings.of(KeyyoDigestServer.baseUrl(keyyo)));
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void sendsAnSmsWithAccountCalleeAndMessage() {
        KeyyoDigestServer.stub(keyyo, "sendsms.html", KeyyoDigestServer.ok());

        client.sendSms(KeyyoDigestServer.LINE, "33698765432", "Votre rendez-vous est confirmé à 14h & merci");

        keyyo.verify(1, getRequestedFor(urlPathEqualTo("/sendsms.html"))
                .withHeader("Authorization", matching("Digest .*"))
                .withQueryParam("ACCOUNT", equalTo("33123456789"))
                .withQueryParam("CALLEE", equalTo("33698765432"))
                .withQueryParam("MSG", equalTo("Votre rendez-vous est confirmé à 14h & merci")));
    }

    @Test
    void setsTheProfileOfTheLine() {
        KeyyoDigestServer.stub(keyyo, "setprofil.html", KeyyoDigestServer.ok());

        client.setProfile(KeyyoDigestServer.LINE, "Absent");

        keyyo.verify(1, getRequestedFor(urlPathEqualTo("/setprofil.html"))
                .withHeader("Authorization", matching("Digest .*"))
                .withQueryParam("ACCOUNT", equalTo("33123456789"))
                .withQueryParam("PROFIL", equalTo("Absent")));
    }
}
