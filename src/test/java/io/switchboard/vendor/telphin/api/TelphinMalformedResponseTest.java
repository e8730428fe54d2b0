package io.switchboard.vendor.telphin.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.switchboard.vendor.telphin.api.TelphinWireMock.CALLBACK_PATH;
import static io.switchboard.vendor.telphin.api.TelphinWireMock.EVENT_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 2xx answers that are not the documented JSON are MALFORMED_RESPONSE failures. */
class TelphinMalformedResponseTest {

    @RegisterExtension
    static WireMockExtension wm = TelphinWireMock.server();

    @Test
    void callbackAnswerIsNotJson() {
        TelphinWireMock.stubToken(wm, "tok-1", 3600);
        wm.stubFor(post(urlEqualTo(CALLBACK_PATH)).willReturn(aResponse().withStatus(200).withBody("OK")));

        assertMalformed("POST " + CALLBACK_PATH, "the answer is not JSON", TelphinMalformedResponseTest::callback);
    }

    @Test
    void callbackAnswerWithoutCallApiId() {
        TelphinWireMock.stubToken(wm, "tok-1", 3600);
        wm.stubFor(post(urlEqualTo(CALLBACK_PATH)).willReturn(okJson("{\"status\":\"ok\"}")));

        assertMalformed("POST " + CALLBACK_PATH, "no call_api_id", TelphinMalformedResponseTest::callback);
    }

    @Test
    void tokenAnswerWithoutAccessToken() {
        wm.stubFor(post(urlEqualTo("/oauth/token")).willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":3600}")));

        assertMalformed("POST /oauth/token", "no access_token", TelphinMalformedResponseTest::callback);
    }

    @Test
    void subscriptionListIsNotAList() {
        TelphinWireMock.stubToken(wm, "tok-1", 3600);
        wm.stubFor(get(urlEqualTo(EVENT_PATH)).willReturn(okJson("{\"url\":\"x\"}")));

        assertMalformed("GET " + EVENT_PATH, "not a list", client -> client.eventSubscriptions("175"));
    }

    private static void callback(TelphinApiClient client) {
        client.callback("175", TelphinCallbackRequest.of("+79817654321", "200"));
    }

    private static void assertMalformed(String operation, String detail, Consumer<TelphinApiClient> call) {
        VendorApiException failure = assertThrows(VendorApiException.class, () -> {
            try (TelphinApiClient client = TelphinWireMock.client(wm)) {
                call.accept(client);
            }
        });
        assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.operation()).isEqualTo(operation);
        assertThat(failure.getMessage()).contains(detail);
    }
}
