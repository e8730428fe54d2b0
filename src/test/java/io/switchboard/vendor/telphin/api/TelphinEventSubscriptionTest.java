package io.switchboard.vendor.telphin.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.switchboard.vendor.telphin.api.TelphinWireMock.EVENT_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Event subscription lists the extension's subscriptions first and creates only the missing event types. */
class TelphinEventSubscriptionTest {

    @RegisterExtension
    static WireMockExtension wm = TelphinWireMock.server();

    private static final String HUB = "https://hub.example.com/webhooks/telphin/3kq9R7xVb2LmT5wZ";

    @BeforeEach
    void token() {
        TelphinWireMock.stubToken(wm, "tok-1", 3600);
    }

    @Test
    void onlyMissingEventTypesAreCreated() {
        wm.stubFor(get(urlEqualTo(EVENT_PATH)).willReturn(okJson("""
                [{"url":"%s","method":"POST","event_type":"dial-in","id":71},
                 {"url":"https://crm.example.com/telphin?myid=175","method":"GET","event_type":"hangup","id":70}]"""
                .formatted(HUB))));
        stubCreate("dial-out", 72);
        stubCreate("answer", 73);
        stubCreate("hangup", 74);

        TelphinSubscriptionResult result;
        try (TelphinApiClient client = TelphinWireMock.client(wm)) {
            result = new TelphinEventSubscriber(client)
                    .ensure("175", HUB, "get", TelphinEventSubscriber.CALL_EVENT_TYPES);
        }

        assertThat(result.existing()).containsExactly(new TelphinEventSubscription(71L, HUB, "POST", "dial-in"));
        assertThat(result.created()).extracting(TelphinEventSubscription::id).containsExactly(72L, 73L, 74L);
        assertThat(result.created()).extracting(TelphinEventSubscription::eventType)
                .containsExactly("dial-out", "answer", "hangup");
        assertThat(result.toString()).doesNotContain("3kq9R7xVb2LmT5wZ");
        wm.verify(1, getRequestedFor(urlEqualTo(EVENT_PATH)).withHeader("Authorization", equalTo("Bearer tok-1")));
        wm.verify(3, postRequestedFor(urlEqualTo(EVENT_PATH)));
        wm.verify(1, postRequestedFor(urlEqualTo(EVENT_PATH))
                .withHeader("Authorization", equalTo("Bearer tok-1"))
                .withRequestBody(equalToJson("{\"url\":\"%s\",\"method\":\"GET\",\"event_type\":\"answer\"}".formatted(HUB))));
    }

    @Test
    void nothingIsCreatedWhenAllExist() {
        wm.stubFor(get(urlEqualTo(EVENT_PATH)).willReturn(okJson("""
                [{"url":"%1$s","method":"GET","event_type":"dial-in","id":71},
                 {"url":"%1$s","method":"GET","event_type":"hangup","id":74}]""".formatted(HUB))));

        TelphinSubscriptionResult result;
        try (TelphinApiClient client = TelphinWireMock.client(wm)) {
            result = new TelphinEventSubscriber(client).ensure("175", HUB, "GET", List.of("dial-in", "hangup"));
        }

        assertThat(result.existing()).hasSize(2);
        assertThat(result.created()).isEmpty();
        wm.verify(0, postRequestedFor(urlEqualTo(EVENT_PATH)));
    }

    private static void stubCreate(String eventType, long id) {
        wm.stubFor(post(urlEqualTo(EVENT_PATH))
                .withRequestBody(equalToJson("{\"url\":\"%s\",\"method\":\"GET\",\"event_type\":\"%s\"}"
                        .formatted(HUB, eventType)))
                .willReturn(okJson("{\"url\":\"%s\",\"method\":\"GET\",\"event_type\":\"%s\",\"id\":%d}"
                        .formatted(HUB, eventType, id))));
    }
}
