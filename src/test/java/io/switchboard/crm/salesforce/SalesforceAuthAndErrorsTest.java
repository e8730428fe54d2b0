package io.switchboard.crm.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.switchboard.crm.salesforce.SalesforceStub.DATA;
import static io.switchboard.crm.salesforce.SalesforceStub.TOKEN_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.crm.CrmRecords;
import io.switchboard.crm.CrmSinkHarness;
import io.switchboard.crm.CrmTestCalls;
import io.switchboard.crm.CrmTestJournal;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** OAuth2 refresh on 401 then exactly one retry; revoked refresh tokens; 503, 500, timeouts, malformed answers. */
class SalesforceAuthAndErrorsTest {

    @RegisterExtension
    static WireMockExtension wm = CrmSinkHarness.server();

    private static final String EXPIRED = "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]";

    private final CrmRecords records = CrmTestJournal.records();

    @BeforeEach
    void twoTokens() {
        wm.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs(STARTED)
                .willReturn(okJson(SalesforceStub.tokenAnswer(wm, "tok-1"))).willSetStateTo("second"));
        wm.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson(SalesforceStub.tokenAnswer(wm, "tok-2"))));
    }

    private VendorApiException failure() {
        return assertThrows(VendorApiException.class,
                () -> CrmSinkHarness.deliver(SalesforceStub.sink(wm, records), CrmTestCalls.inboundAnswered("call-e")));
    }

    private static void search(String token, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        wm.stubFor(get(urlPathEqualTo(DATA + "/search/")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(answer));
    }

    @Test
    void anExpiredSessionIsRefreshedAndTheRequestSentExactlyOnceMore() {
        search("tok-1", aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody(EXPIRED));
        search("tok-2", okJson(SalesforceStub.searchAnswer("Contact", "003A")));
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.patch(urlPathEqualTo(
                        SalesforceStub.UPSERT_PREFIX + "call-e"))
                .withHeader("Authorization", equalTo("Bearer tok-2"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(SalesforceStub.upserted("00T9", true))));

        CrmSinkHarness.deliver(SalesforceStub.sink(wm, records), CrmTestCalls.inboundAnswered("call-e"));

        wm.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        wm.verify(2, getRequestedFor(urlPathEqualTo(DATA + "/search/")));
    }

    @Test
    void aSecond401IsAnAuthenticationFailureWithoutSecrets() {
        search("tok-1", aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody(EXPIRED));
        search("tok-2", aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody(EXPIRED));

        VendorApiException e = failure();

        assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(e.vendor()).isEqualTo("salesforce");
        assertThat(e.vendorCode()).contains("INVALID_SESSION_ID");
        assertThat(e.getMessage()).doesNotContain("tok-1", "tok-2", SalesforceStub.CLIENT_SECRET, SalesforceStub.REFRESH_TOKEN);
        wm.verify(2, getRequestedFor(urlPathEqualTo(DATA + "/search/")));
    }

    @Test
    void aRevokedRefreshTokenIsAnAuthenticationFailure() {
        wm.resetAll();
        wm.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"expired access/refresh token\"}")));

        VendorApiException e = failure();

        assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(e.vendorCode()).contains("invalid_grant");
        assertThat(e.vendorMessage()).contains("expired access/refresh token");
        wm.verify(0, getRequestedFor(urlPathEqualTo(DATA + "/search/")));
    }

    @Test
    void unavailableIsRetryableAfterItsRetryAfter() {
        search("tok-1", aResponse().withStatus(503).withHeader("Retry-After", "30")
                .withBody("<html>Service Unavailable</html>"));

        VendorApiException e = failure();

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void tooManyRequestsIsRetryable() {
        search("tok-1", aResponse().withStatus(429).withHeader("Retry-After", "5")
                .withHeader("Content-Type", "application/json")
                .withBody("[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]"));

        VendorApiException e = failure();

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
        assertThat(e.vendorCode()).contains("REQUEST_LIMIT_EXCEEDED");
    }

    @Test
    void aServerErrorIsAVendorError() {
        search("tok-1", aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("[{\"message\":\"An unexpected error occurred.\",\"errorCode\":\"UNKNOWN_EXCEPTION\"}]"));

        assertThat(failure().kind()).isEqualTo(Kind.VENDOR_ERROR);
    }

    @Test
    void aSlowSearchIsATimeout() {
        search("tok-1", okJson(SalesforceStub.searchAnswer("Contact")).withFixedDelay(4000));

        assertThat(failure().kind()).isEqualTo(Kind.TIMEOUT);
    }

    @Test
    void aTokenAnswerWithoutInstanceUrlIsMalformed() {
        wm.resetAll();
        wm.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(okJson("{\"access_token\":\"x\",\"token_type\":\"Bearer\"}")));

        assertThat(failure().kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
    }

    @Test
    void aSearchAnswerThatIsNotJsonIsMalformed() {
        search("tok-1", aResponse().withStatus(200).withBody("<html>login</html>"));

        assertThat(failure().kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
    }
}
