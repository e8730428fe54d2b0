package io.switchboard.vendor.udesk.api;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ensureSubscription creates the hub's subscription only when no subscription of that name exists. */
class UdeskSubscriptionIdempotencyTest {

    @RegisterExtension
    static WireMockExtension udesk = UdeskApiStub.server();

    private static final String HUB = "https://hub.example.com/webhooks/udesk";
    private static final UdeskSubscription WANTED = UdeskSubscription.of("switchboard", HUB,
            List.of("begin", "user_answer", "user_hangup", "end"));

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
    void createsItWhenMissing() {
        listAnswers("""
                [{"callback": "http://59.110.105.200:12345", "name": "sub1",
                  "events": ["agent_ringing", "agent_answer", "start_dialout"], "enable": false}]""");
        udesk.stubFor(post(urlPathEqualTo(UdeskApiStub.api("subscriptions"))).willReturn(UdeskApiStub.ok("""
                "Result": {"sub_succ": [{"id": 7, "name": "switchboard"}], "sub_fail": []}""")));

        UdeskEnsuredSubscription ensured = client.ensureSubscription(WANTED);

        assertThat(ensured.created()).isTrue();
        assertThat(ensured.subscription().id()).isEqualTo(7L);
        udesk.verify(1, postRequestedFor(urlPathEqualTo(UdeskApiStub.api("subscriptions"))).withRequestBody(equalToJson("""
                {"subscriptions": [{"callback": "https://hub.example.com/webhooks/udesk", "name": "switchboard",
                  "events": ["begin", "user_answer", "user_hangup", "end"]}]}""")));
    }

    @Test
    void leavesAnExistingOneAlone() {
        listAnswers("""
                [{"id": 7, "callback": "https://hub.example.com/webhooks/udesk", "name": "switchboard",
                  "events": ["begin", "user_ringing", "user_answer", "user_hangup", "end"], "enable": true}]""");

        UdeskEnsuredSubscription ensured = client.ensureSubscription(WANTED);

        assertThat(ensured.created()).isFalse();
        assertThat(ensured.upToDate()).isTrue();
        assertThat(ensured.subscription().id()).isEqualTo(7L);
        assertThat(ensured.subscription().enabled()).isTrue();
        udesk.verify(0, postRequestedFor(urlPathEqualTo(UdeskApiStub.api("subscriptions"))));
    }

    @Test
    void reportsAnExistingOneWithAnotherCallbackWithoutTouchingIt() {
        listAnswers("""
                [{"callback": "https://old-hub.example.com/webhooks/udesk", "name": "switchboard",
                  "events": ["begin", "user_answer", "user_hangup", "end"], "enable": true}]""");

        UdeskEnsuredSubscription ensured = client.ensureSubscription(WANTED);

        assertThat(ensured.created()).isFalse();
        assertThat(ensured.upToDate()).isFalse();
        assertThat(ensured.subscription().id()).isNull(); // the seed's list answer has no id
        udesk.verify(0, postRequestedFor(urlPathEqualTo(UdeskApiStub.api("subscriptions"))));
    }

    @Test
    void failsWhenUdeskListsItUnderSubFail() {
        listAnswers("[]");
        udesk.stubFor(post(urlPathEqualTo(UdeskApiStub.api("subscriptions"))).willReturn(UdeskApiStub.ok("""
                "Result": {"sub_succ": [], "sub_fail": ["switchboard"]}""")));

        VendorApiException e = catchThrowableOfType(() -> client.ensureSubscription(WANTED), VendorApiException.class);

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("'switchboard'").contains("sub_fail");
    }

    @Test
    void anAnswerListingItNowhereIsMalformed() {
        listAnswers("[]");
        udesk.stubFor(post(urlPathEqualTo(UdeskApiStub.api("subscriptions"))).willReturn(UdeskApiStub.ok("""
                "Result": {"sub_succ": [], "sub_fail": []}""")));

        VendorApiException e = catchThrowableOfType(() -> client.ensureSubscription(WANTED), VendorApiException.class);

        assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("'switchboard'");
    }

    @Test
    void deletesById() {
        udesk.stubFor(delete(urlPathEqualTo(UdeskApiStub.api("subscriptions/8"))).willReturn(UdeskApiStub.ok("\"Result\": \"\"")));

        client.deleteSubscription(8);

        udesk.verify(1, deleteRequestedFor(urlPathEqualTo(UdeskApiStub.api("subscriptions/8"))));
    }

    private static void listAnswers(String result) {
        udesk.stubFor(get(urlPathEqualTo(UdeskApiStub.api("subscriptions"))).willReturn(UdeskApiStub.ok("\"Result\": " + result)));
    }
}
