package io.switchboard.vendor.udesk.api;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Hold (POST agent/hold), resume (DELETE agent/hold) and transfer (POST transfer/agent), answered code/message. */
class UdeskCallControlTest {

    @RegisterExtension
    static WireMockExtension udesk = UdeskApiStub.server();

    private static final String CALL = "1a8462d7-00fc-4cc2-4567-038ced6ba580";

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
    void holdsWithTheSeedsBody() {
        udesk.stubFor(post(urlPathEqualTo(UdeskApiStub.api("agent/hold"))).willReturn(UdeskApiStub.callControlOk()));

        client.hold(CALL, "111");

        udesk.verify(postRequestedFor(urlPathEqualTo(UdeskApiStub.api("agent/hold"))).withRequestBody(equalToJson("""
                {"call_id": "1a8462d7-00fc-4cc2-4567-038ced6ba580", "agent_id": "111",
                 "on_succ": "switchboard", "on_failed": "switchboard"}""")));
    }

    @Test
    void resumesWithDeleteAndTheSameBody() {
        udesk.stubFor(delete(urlPathEqualTo(UdeskApiStub.api("agent/hold"))).willReturn(UdeskApiStub.callControlOk()));

        client.resume(CALL, "111");

        udesk.verify(deleteRequestedFor(urlPathEqualTo(UdeskApiStub.api("agent/hold"))).withRequestBody(equalToJson("""
                {"call_id": "1a8462d7-00fc-4cc2-4567-038ced6ba580", "agent_id": "111",
                 "on_succ": "switchboard", "on_failed": "switchboard"}""")));
    }

    @Test
    void transfersToAPhoneAsTheAnonymousAgent() {
        udesk.stubFor(post(urlPathEqualTo(UdeskApiStub.api("transfer/agent"))).willReturn(UdeskApiStub.callControlOk()));

        client.transfer(CALL, "111", "10010001000");

        udesk.verify(postRequestedFor(urlPathEqualTo(UdeskApiStub.api("transfer/agent"))).withRequestBody(equalToJson("""
                {"call_id": "1a8462d7-00fc-4cc2-4567-038ced6ba580", "agent_id": "111", "agent_type": "anonymous",
                 "agent_phone": "10010001000", "on_succ": "switchboard", "on_failed": "switchboard",
                 "on_record_over": "switchboard", "on_transferee_hangup": "switchboard"}""")));
    }

    @Test
    void readsAFailureFromCodeAndMessage() {
        udesk.stubFor(post(urlPathEqualTo(UdeskApiStub.api("agent/hold"))).willReturn(UdeskApiStub.json(200,
                "{\"code\":\"100018\",\"message\":\"RecordNotFound\",\"results\":\"\"}")));

        VendorApiException e = catchThrowableOfType(() -> client.hold(CALL, "111"), VendorApiException.class);

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.vendorCode()).hasValue("100018");
        assertThat(e.vendorMessage()).hasValue("RecordNotFound");
        assertThat(e.getMessage()).contains("hold").contains("100018").contains("RecordNotFound");
    }
}
