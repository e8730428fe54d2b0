package io.switchboard.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.crm.CrmRouteTestSupport;
import io.switchboard.crm.CrmSinkHarness;
import io.switchboard.crm.DryRunRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Dry run of a CRM sink whose subscription delivers 4 calls at once (concurrency 4): the one sink
 * instance serves every delivery, yet each delivery's dry run lists exactly its own requests.
 */
class DryRunConcurrentDeliveriesIT extends CrmRouteTestSupport {

    private static final String SUB = "hubspot-dry-concurrent";
    private static final int CALLS = 8;
    private static final Pattern HUB_CALL_ID = Pattern.compile("\"switchboard_call_id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    @RegisterExtension
    static WireMockExtension wm = CrmSinkHarness.server();

    @Autowired
    DryRunRecorder dryRuns;

    @Test
    void eachDeliveryListsExactlyItsOwnRequests() throws Exception {
        route(SUB, "kamelet:hubspot-call-sink?connectorId=" + SUB + "&accessToken=" + HubSpotStub.TOKEN + "&baseUrl="
                + CrmSinkHarness.baseUrl(wm) + "&dryRun=true", "&concurrency=4");
        // Hold the subscription while the calls end, so they are all due in one poll and run 4 at a time.
        String sourceRoute = camel.getRoutes().stream().map(org.apache.camel.Route::getRouteId)
                .filter(id -> id.startsWith("switchboard-call-source")
                        && camel.getRoute(id).getEndpoint().getEndpointUri().contains(SUB))
                .findFirst()
                .orElseThrow();
        camel.getRouteController().stopRoute(sourceRoute);
        List<String> callIds = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            callIds.add(sendAnsweredCall());
        }
        camel.getRouteController().startRoute(sourceRoute);

        await().atMost(WAIT).until(() -> callIds.stream().allMatch(id -> "DELIVERED".equals(deliveryStatus(SUB, id))));
        Map<String, List<DryRunRecorder.Entry>> byCall = dryRuns.recent(DryRunRecorder.KEPT).stream()
                .filter(e -> SUB.equals(e.subscription()))
                .collect(Collectors.groupingBy(DryRunRecorder.Entry::callId));
        assertThat(byCall).containsOnlyKeys(callIds);
        for (String callId : callIds) {
            List<DryRunRecorder.Entry> own = byCall.get(callId).stream()
                    .sorted(java.util.Comparator.comparing(DryRunRecorder.Entry::at))
                    .toList();
            // Contact search, company search (no contact), call creation: three requests, no more, no
            // fewer (no call search by hub call id: no create was sent for the call before).
            assertThat(own).as("dry run of %s", callId).extracting(DryRunRecorder.Entry::target).containsExactly(
                    CrmSinkHarness.baseUrl(wm) + HubSpotStub.CONTACT_SEARCH,
                    CrmSinkHarness.baseUrl(wm) + HubSpotStub.COMPANY_SEARCH,
                    CrmSinkHarness.baseUrl(wm) + HubSpotStub.CALLS);
            assertThat(own.stream().map(DryRunRecorder.Entry::deliveryId).distinct()).hasSize(1);
            for (DryRunRecorder.Entry entry : own) {
                Matcher mentioned = HUB_CALL_ID.matcher(String.valueOf(entry.body()));
                while (mentioned.find()) {
                    assertThat(mentioned.group(1)).as("call id in a request of %s", callId).isEqualTo(callId);
                }
            }
            assertThat(own.get(2).body()).contains(callId); // the create carries its own hub call id
        }
        assertThat(wm.getAllServeEvents()).isEmpty();
    }
}
