package io.switchboard.vendor.udesk.api;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every request carries Timestamp, AppId, Sid and Sign = SHA1(Sid + AuthToken + Timestamp); never the token. */
class UdeskRequestSigningTest {

    @RegisterExtension
    static WireMockExtension udesk = UdeskApiStub.server();

    @Test
    void signsWithSidAuthTokenAndMillisecondTimestamp() {
        udesk.stubFor(any(anyUrl()).willReturn(UdeskApiStub.ok("\"Result\":[]")));

        try (UdeskApiClient client = UdeskApiStub.client(udesk)) {
            client.subscriptions();
        }

        LoggedRequest request = onlyRequest();
        assertThat(request.getUrl()).startsWith("/ccapi/v2/subscriptions?");
        assertThat(param(request, "Timestamp")).isEqualTo("1566446286000");
        assertThat(param(request, "AppId")).isEqualTo(UdeskApiStub.APP_ID);
        assertThat(param(request, "Sid")).isEqualTo(UdeskApiStub.SID);
        assertThat(param(request, "Sign")).isEqualTo(UdeskApiStub.SIGN_AT_NOW_MS)
                .isEqualTo(sha1(UdeskApiStub.SID + UdeskApiStub.AUTH_TOKEN + param(request, "Timestamp")));
        assertThat(request.getAbsoluteUrl()).doesNotContain(UdeskApiStub.AUTH_TOKEN);
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
    }

    @Test
    void signsTheTimestampOfTheMomentOfEachRequest() {
        udesk.stubFor(any(anyUrl()).willReturn(UdeskApiStub.ok("\"Result\":[]")));
        Clock later = Clock.fixed(Instant.ofEpochMilli(UdeskApiStub.NOW_MS + 61_000), ZoneOffset.UTC);

        try (UdeskApiClient client = new UdeskApiClient(UdeskApiStub.settings(udesk), later, new ObjectMapper())) {
            client.subscriptions();
        }

        LoggedRequest request = onlyRequest();
        assertThat(param(request, "Timestamp")).isEqualTo("1566446347000");
        assertThat(param(request, "Sign")).isEqualTo(sha1(UdeskApiStub.SID + UdeskApiStub.AUTH_TOKEN + "1566446347000"));
    }

    @Test
    void canSignSecondTimestampsWhenTheAccountWantsThem() {
        udesk.stubFor(any(anyUrl()).willReturn(UdeskApiStub.ok("\"Result\":[]")));
        Clock clock = Clock.fixed(Instant.ofEpochMilli(UdeskApiStub.NOW_MS), ZoneOffset.UTC);

        try (UdeskApiClient client = new UdeskApiClient(UdeskApiStub.settings(udesk).withTimestampInSeconds(true), clock,
                new ObjectMapper())) {
            client.subscriptions();
        }

        LoggedRequest request = onlyRequest();
        assertThat(param(request, "Timestamp")).isEqualTo("1566446286");
        assertThat(param(request, "Sign")).isEqualTo(UdeskApiStub.SIGN_AT_NOW_S);
    }

    @Test
    void settingsNeverPrintTheAuthToken() {
        assertThat(UdeskApiStub.settings(udesk).toString()).doesNotContain(UdeskApiStub.AUTH_TOKEN).contains("****");
    }

    private static LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = udesk.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static String param(LoggedRequest request, String name) {
        return request.queryParameter(name).firstValue();
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
