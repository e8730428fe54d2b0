package io.switchboard.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.crm.CrmCallSink;
import io.switchboard.crm.CrmRecords;
import io.switchboard.crm.CrmSinkHarness;
import io.switchboard.crm.CrmTestCalls;
import io.switchboard.crm.CrmTestJournal;
import java.util.List;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Dry run with OAuth2: no token request, no API request; the exact requests are recorded, secrets masked. */
class SalesforceDryRunTest {

    @RegisterExtension
    static WireMockExtension wm = CrmSinkHarness.server();

    @Test
    void nothingIsSentNotEvenTheTokenRequest() {
        CrmRecords records = CrmTestJournal.records();
        SalesforceTaskSink sink = SalesforceStub.sink(wm, records);
        sink.setInstanceUrl("https://acme.my.salesforce.com");
        sink.setDryRun(true);

        Exchange done = CrmSinkHarness.deliver(sink, CrmTestCalls.inboundAnswered("dry-1"));

        assertThat(wm.getAllServeEvents()).isEmpty();
        @SuppressWarnings("unchecked")
        List<String> requests = done.getMessage().getHeader(CrmCallSink.DRY_RUN_HEADER, List.class);
        assertThat(requests).hasSize(4);
        assertThat(requests.get(0)).startsWith("GET https://acme.my.salesforce.com/services/data/v62.0/search/?q=FIND");
        assertThat(requests.get(3))
                .startsWith("PATCH https://acme.my.salesforce.com/services/data/v62.0/sobjects/Task/Switchboard_Call_Id__c/dry-1")
                .contains("Authorization: Bearer ****", "\"CallDisposition\":\"Answered\"")
                .doesNotContain(SalesforceStub.CLIENT_SECRET, SalesforceStub.REFRESH_TOKEN);
        assertThat(records.recordId("salesforce-main", "dry-1", CrmRecords.Kind.CALL)).isEmpty();
        // The same requests are listed at GET /api/v1/dry-runs, credentials masked.
        assertThat(CrmSinkHarness.DRY_RUNS.recent(io.switchboard.crm.DryRunRecorder.KEPT).stream().filter(r -> "dry-1".equals(r.callId())))
                .hasSize(4)
                .allSatisfy(r -> assertThat(r.sink()).isEqualTo("salesforce"))
                .allSatisfy(r -> assertThat(r.headers().toString() + r.body())
                        .doesNotContain(SalesforceStub.CLIENT_SECRET, SalesforceStub.REFRESH_TOKEN, "dry-run-token"));
    }
}
