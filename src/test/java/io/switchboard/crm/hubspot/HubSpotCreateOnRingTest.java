package io.switchboard.crm.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.switchboard.crm.hubspot.HubSpotStub.CALLS;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.crm.CrmCallSink;
import io.switchboard.crm.CrmRecords;
import io.switchboard.crm.CrmSinkHarness;
import io.switchboard.crm.CrmTestCalls;
import io.switchboard.crm.CrmTestJournal;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One activity per call, not per event: ringing calls are ignored by default, or created then updated. */
class HubSpotCreateOnRingTest {

    @RegisterExtension
    static WireMockExtension wm = CrmSinkHarness.server();

    private final CrmRecords records = CrmTestJournal.records();

    @Test
    void aRingingCallIsIgnoredByDefault() {
        Exchange done = CrmSinkHarness.deliver(HubSpotStub.sink(wm, "hubspot-main", records),
                CrmTestCalls.inboundRinging("ring-1"));

        assertThat(wm.getAllServeEvents()).isEmpty();
        assertThat(done.getMessage().getHeader(CrmCallSink.RECORD_ID_HEADER)).isNull();
    }

    @Test
    void withCreateOnRingTheRingingCallIsCreatedThenTheEndedCallPatchesIt() {
        HubSpotStub.contactsFound(wm, "501");
        HubSpotStub.noCallWithHubId(wm);
        HubSpotStub.callCreated(wm, "9201");
        wm.stubFor(patch(urlEqualTo(CALLS + "/9201")).willReturn(okJson(HubSpotStub.created("9201"))));
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(
                        urlEqualTo("/crm/v4/objects/calls/9201/associations/default/contacts/501"))
                .willReturn(okJson("{\"status\":\"COMPLETE\",\"results\":[]}")));
        HubSpotCallSink sink = HubSpotStub.sink(wm, "hubspot-main", records);
        sink.setCreateOnRing(true);

        CrmSinkHarness.deliver(sink, CrmTestCalls.inboundRinging("ring-2"));
        CrmSinkHarness.deliver(sink, CrmTestCalls.inboundAnswered("ring-2"));

        wm.verify(1, postRequestedFor(urlEqualTo(CALLS))
                .withRequestBody(equalToJson("{\"properties\":{\"hs_call_status\":\"RINGING\"}}", true, true)));
        wm.verify(1, patchRequestedFor(urlEqualTo(CALLS + "/9201")).withRequestBody(equalToJson(
                "{\"properties\":{\"hs_call_status\":\"COMPLETED\",\"hs_call_duration\":\"65000\"}}", true, true)));
    }
}
