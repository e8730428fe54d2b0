package io.switchboard.crm.pipedrive;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.crm.CrmSinkHarness;
import io.switchboard.crm.CrmTestCalls;
import io.switchboard.crm.CrmTestJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An OAuth access token is sent as a bearer and no api_token is added; createOnRing never updates call logs. */
class PipedriveOAuthTest {

    @RegisterExtension
    static WireMockExtension wm = CrmSinkHarness.server();

    @Test
    void theOAuthTokenIsABearerAndNoApiTokenIsSent() {
        wm.stubFor(get(urlPathEqualTo("/v1/persons/search")).willReturn(okJson(PipedriveStub.persons())));
        wm.stubFor(post(urlPathEqualTo("/v1/callLogs")).willReturn(okJson(PipedriveStub.callLogCreated("o1"))));
        PipedriveCallLogSink sink = PipedriveStub.sink(wm, CrmTestJournal.records());
        sink.setAccessToken("v1u:oauth-access-token");
        sink.setCreateOnRing(true);

        CrmSinkHarness.deliver(sink, CrmTestCalls.inboundRinging("r1"));
        CrmSinkHarness.deliver(sink, CrmTestCalls.inboundAnswered("r1"));

        wm.verify(3, getRequestedFor(urlPathEqualTo("/v1/persons/search"))
                .withHeader("Authorization", equalTo("Bearer v1u:oauth-access-token"))
                .withQueryParam("api_token", absent()));
        wm.verify(1, postRequestedFor(urlPathEqualTo("/v1/callLogs"))
                .withHeader("Authorization", equalTo("Bearer v1u:oauth-access-token"))
                .withQueryParam("api_token", absent()));
    }
}
