package io.switchboard.crm.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.switchboard.crm.hubspot.HubSpotStub.CONTACT_SEARCH;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HubSpot failures become VendorApiExceptions the call source can act on: 401 (no retry: a private
 * app token cannot be refreshed), 429 with Retry-After, 500, timeouts, malformed answers; nothing is
 * remembered for a call that failed.
 */
class HubSpotErrorsTest {

    @RegisterExtension
    static WireMockExtension wm = CrmSinkHarness.server();

    private final CrmRecords records = CrmTestJournal.records();

    private VendorApiException failure() {
        return assertThrows(VendorApiException.class, () -> CrmSinkHarness.deliver(
                HubSpotStub.sink(wm, "hubspot-main", records), CrmTestCalls.inboundAnswered("call-e")));
    }

    @Test
    void anExpiredTokenIsAnAuthenticationFailureSentOnce() {
        wm.stubFor(post(urlEqualTo(CONTACT_SEARCH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"error\",\"message\":\"Authentication credentials not found. This API supports"
                        + " OAuth 2.0 authentication\",\"correlationId\":\"4d6b7a1c\",\"category\":\"INVALID_AUTHENTICATION\"}")));

        VendorApiException e = failure();

        assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(e.retryable()).isFalse();
        assertThat(e.vendor()).isEqualTo("hubspot");
        assertThat(e.vendorCode()).contains("INVALID_AUTHENTICATION");
        assertThat(e.getMessage()).doesNotContain(HubSpotStub.TOKEN);
        wm.verify(1, postRequestedFor(urlEqualTo(CONTACT_SEARCH)));
    }

    @Test
    void rateLimitIsRetryableAfterTheWaitHubSpotAsks() {
        wm.stubFor(post(urlEqualTo(CONTACT_SEARCH)).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "10")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"error\",\"message\":\"You have reached your secondly limit.\","
                        + "\"errorType\":\"RATE_LIMIT\",\"correlationId\":\"c0ffee\",\"policyName\":\"SECONDLY\"}")));

        VendorApiException e = failure();

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(10));
        assertThat(e.vendorMessage()).contains("You have reached your secondly limit.");
    }

    @Test
    void aServerErrorOnCreateIsNotRetriedBlindlyAndNothingIsRemembered() {
        HubSpotStub.contactsFound(wm, "501");
        HubSpotStub.noCallWithHubId(wm);
        wm.stubFor(post(urlEqualTo(HubSpotStub.CALLS)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"error\",\"message\":\"internal error\",\"category\":\"INTERNAL_ERROR\"}")));

        VendorApiException e = failure();

        assertThat(e.kind()).isEqualTo(Kind.VENDOR_ERROR);
        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(records.recordId("hubspot-main", "call-e", CrmRecords.Kind.CALL)).isEmpty();
    }

    @Test
    void aSlowAnswerIsARetryableTimeout() {
        wm.stubFor(post(urlEqualTo(CONTACT_SEARCH)).willReturn(okJson(HubSpotStub.searchAnswer()).withFixedDelay(4000)));

        VendorApiException e = failure();

        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void anAnswerThatIsNotHubSpotsIsMalformed() {
        wm.stubFor(post(urlEqualTo(CONTACT_SEARCH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>maintenance</html>")));

        assertThat(failure().kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
    }

    @Test
    void aSearchAnswerWithoutResultsIsMalformed() {
        wm.stubFor(post(urlEqualTo(CONTACT_SEARCH)).willReturn(okJson("{\"total\":1}")));

        assertThat(failure().kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
    }

    @Test
    void aMissingCustomPropertyIsARejectionWithHubSpotsMessage() {
        HubSpotStub.contactsFound(wm, "501");
        // The create carries the property; HubSpot refuses a property the portal does not have.
        wm.stubFor(post(urlEqualTo(HubSpotStub.CALLS)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"error\",\"message\":\"Property values were not valid: [{\\\"isValid\\\":false,"
                        + "\\\"message\\\":\\\"Property \\\\\\\"switchboard_call_id\\\\\\\" does not exist\\\","
                        + "\\\"error\\\":\\\"PROPERTY_DOESNT_EXIST\\\",\\\"name\\\":\\\"switchboard_call_id\\\"}]\","
                        + "\"correlationId\":\"3f5c2a0e-9a51-4c1b-8f7e-2b6d4c9a1e00\",\"category\":\"VALIDATION_ERROR\"}")));

        VendorApiException e = failure();

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.vendorCode()).contains("VALIDATION_ERROR");
        assertThat(e.getMessage()).contains("switchboard_call_id");
    }

    @Test
    void aMissingCustomPropertyOnARetrysCallSearchIsARejectionToo() {
        HubSpotStub.contactsFound(wm, "501");
        records.remember("hubspot-main", "call-e", CrmRecords.Kind.CREATE_SENT, "hubspot", "sent"); // a lost answer
        wm.stubFor(post(urlEqualTo(HubSpotStub.CALL_SEARCH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"error\",\"message\":\"There was a problem with the request.\","
                        + "\"category\":\"VALIDATION_ERROR\",\"errors\":[{\"message\":\"Property "
                        + "\\\"switchboard_call_id\\\" does not exist\",\"code\":\"PROPERTY_DOESNT_EXIST\"}]}")));

        VendorApiException e = failure();

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.vendorCode()).contains("VALIDATION_ERROR");
        wm.verify(0, postRequestedFor(urlEqualTo(HubSpotStub.CALLS)));
    }
}
