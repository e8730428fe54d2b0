package io.switchboard.vendor.udesk.api;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** webhooks/events: POST adds, PUT replaces, DELETE removes the subscribed event categories. */
class UdeskEventSubscriptionTest {

    @RegisterExtension
    static WireMockExtension udesk = UdeskApiStub.server();

    private static final String EVENTS = UdeskApiStub.api("webhooks/events");

    private UdeskApiClient client;

    @BeforeEach
    void setUp() {
        client = UdeskApiStub.client(udesk);
        udesk.stubFor(any(urlPathEqualTo(EVENTS)).willReturn(UdeskApiStub.ok(null)));
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void replacesWithCategoriesAndAllType() {
        Map<String, List<String>> events = new LinkedHashMap<>();
        events.put("call", List.of("begin", "user_answer", "end"));
        events.put("agent_state", List.of("acd_agent_state"));

        client.replaceEventSubscriptions(events);

        udesk.verify(putRequestedFor(urlPathEqualTo(EVENTS)).withRequestBody(equalToJson("""
                {"Events": [{"category": "call", "all_type": ["begin", "user_answer", "end"]},
                            {"category": "agent_state", "all_type": ["acd_agent_state"]}]}""")));
    }

    @Test
    void addsAndRemoves() {
        client.addEventSubscriptions(Map.of("ext_state", List.of("ext_state")));
        client.removeEventSubscriptions();

        udesk.verify(postRequestedFor(urlPathEqualTo(EVENTS)).withRequestBody(equalToJson("""
                {"Events": [{"category": "ext_state", "all_type": ["ext_state"]}]}""")));
        udesk.verify(deleteRequestedFor(urlPathEqualTo(EVENTS)));
    }
}
