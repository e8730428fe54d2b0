package io.switchboard.vendor.udesk.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** POST originatev2 with the seed's body; the CallID comes back in {@code results}. */
class UdeskOriginateTest {

    @RegisterExtension
    static WireMockExtension udesk = UdeskApiStub.server();

    /** The seed's response example, verbatim. */
    private static final String SEED_REPLY = """
            {
            "ErrCode": "000000",
            "ErrDesc": "OK",
            "msg_id": "",
            "results": "97688e57-7a36-40f7-694a-393d4d1a10d3",
            "data": null
            }""";

    private UdeskApiClient client;

    @BeforeEach
    void setUp() {
        client = UdeskApiStub.client(udesk);
        udesk.stubFor(post(urlPathEqualTo(UdeskApiStub.api("originatev2"))).willReturn(UdeskApiStub.json(200, SEED_REPLY)));
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void returnsTheCallIdOfTheNewCall() {
        String callId = client.originate(new UdeskOriginate("057128091649", "15652692674", "057128091649", "91", null));

        assertThat(callId).isEqualTo("97688e57-7a36-40f7-694a-393d4d1a10d3");
        udesk.verify(postRequestedFor(urlPathEqualTo(UdeskApiStub.api("originatev2")))
                .withHeader("Content-Type", equalToIgnoreCase("application/json;charset=utf-8")) // Jetty upper-cases the charset
                .withRequestBody(equalToJson("""
                        {"caller": "057128091649", "called": "15652692674", "called_display": "057128091649",
                         "agent_id": "91"}""")));
    }

    @Test
    void sendsUserDataAsTheSeedsArrayOfEvtAndData() {
        client.originate(new UdeskOriginate("057128091649", "15652692674", "057128091649", "91", List.of(
                new UdeskOriginate.UserData("user_answer", "1111111"),
                new UdeskOriginate.UserData("agent_answer", "22222"))));

        udesk.verify(postRequestedFor(urlPathEqualTo(UdeskApiStub.api("originatev2")))
                .withRequestBody(equalToJson("""
                        {"caller": "057128091649", "called": "15652692674", "called_display": "057128091649",
                         "agent_id": "91", "user_data": [{"evt": "user_answer", "data": "1111111"},
                         {"evt": "agent_answer", "data": "22222"}]}""")));
    }
}
