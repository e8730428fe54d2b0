package io.switchboard.vendor.telphin.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.switchboard.vendor.telphin.api.TelphinWireMock.CALLBACK_PATH;
import static io.switchboard.vendor.telphin.api.TelphinWireMock.tokenAnswer;
import static io.switchboard.vendor.telphin.api.TelphinWireMock.tokenRequests;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.vendor.telphin.api.TelphinWireMock.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The access token is fetched once and reused until shortly (60 s) before expires_in runs out. */
class TelphinTokenCachingTest {

    @RegisterExtension
    static WireMockExtension wm = TelphinWireMock.server();

    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void stubTwoTokensAndTheCallback() {
        wm.stubFor(post(urlEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs(STARTED)
                .willReturn(okJson(tokenAnswer("tok-1", 3600))).willSetStateTo("second"));
        wm.stubFor(post(urlEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson(tokenAnswer("tok-2", 3600))));
        wm.stubFor(post(urlEqualTo(CALLBACK_PATH)).willReturn(okJson("{\"call_api_id\":\"a1\",\"call_id\":\"c1\"}")));
    }

    @Test
    void twoCallsShareOneToken() {
        try (TelphinApiClient client = TelphinWireMock.client(wm, clock, Duration.ofSeconds(5))) {
            client.callback("175", TelphinCallbackRequest.of("+79817654321", "200"));
            clock.advance(Duration.ofSeconds(3539));
            client.callback("175", TelphinCallbackRequest.of("+79817654322", "200"));
        }

        wm.verify(1, tokenRequests());
        wm.verify(2, postRequestedFor(urlEqualTo(CALLBACK_PATH)).withHeader("Authorization", equalTo("Bearer tok-1")));
    }

    @Test
    void aTokenAboutToExpireIsReplaced() {
        try (TelphinApiClient client = TelphinWireMock.client(wm, clock, Duration.ofSeconds(5))) {
            client.callback("175", TelphinCallbackRequest.of("+79817654321", "200"));
            clock.advance(Duration.ofSeconds(3541));
            client.callback("175", TelphinCallbackRequest.of("+79817654322", "200"));
        }

        wm.verify(2, tokenRequests());
        wm.verify(1, postRequestedFor(urlEqualTo(CALLBACK_PATH)).withHeader("Authorization", equalTo("Bearer tok-1")));
        wm.verify(1, postRequestedFor(urlEqualTo(CALLBACK_PATH)).withHeader("Authorization", equalTo("Bearer tok-2")));
    }
}
