package io.switchboard.vendor.telphin.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.switchboard.vendor.api.VendorHttpSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A Telphin API on 127.0.0.1 (WireMock, dynamic port) and clients pointed at it. */
final class TelphinWireMock {

    static final String CLIENT_ID = "9d3b0c7e-app";
    static final String CLIENT_SECRET = "Sx8-very-secret-Qp2";
    /** The exact form body of the token request. */
    static final String TOKEN_FORM = "grant_type=client_credentials&client_id=9d3b0c7e-app&client_secret=Sx8-very-secret-Qp2";
    static final String CALLBACK_PATH = "/api/ver1.0/extension/175/callback/";
    static final String EVENT_PATH = "/api/ver1.0/extension/175/event/";

    private TelphinWireMock() {}

    static WireMockExtension server() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
                .build();
    }

    static TelphinApiClient client(WireMockExtension wm, Clock clock, Duration readTimeout) {
        return new TelphinApiClient(
                new TelphinApiConfig(
                        URI.create("http://127.0.0.1:" + wm.getPort()),
                        CLIENT_ID,
                        CLIENT_SECRET,
                        Duration.ofSeconds(60),
                        new VendorHttpSettings(Duration.ofSeconds(2), readTimeout)),
                clock);
    }

    static TelphinApiClient client(WireMockExtension wm) {
        return client(wm, Clock.systemUTC(), Duration.ofSeconds(5));
    }

    /** The token endpoint answering {@code token} valid for {@code expiresIn} seconds. */
    static void stubToken(WireMockExtension wm, String token, int expiresIn) {
        wm.stubFor(post(urlEqualTo("/oauth/token"))
                .withRequestBody(equalTo(TOKEN_FORM))
                .willReturn(okJson(tokenAnswer(token, expiresIn))));
    }

    static String tokenAnswer(String token, int expiresIn) {
        return "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
                + ",\"scope\":\"all\"}";
    }

    static RequestPatternBuilder tokenRequests() {
        return postRequestedFor(urlEqualTo("/oauth/token"));
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2025-03-14T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
