package io.switchboard.vendor.callr.api;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.switchboard.vendor.callr.api.CallrWireMock.calls;
import static io.switchboard.vendor.callr.api.CallrWireMock.result;
import static io.switchboard.vendor.callr.api.CallrWireMock.rpc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Click-to-call: the CLICKTOCALL10 app is created once, then each start is one calls.start_2. */
class CallrClickToCallStartTest {

    @RegisterExtension
    static WireMockExtension wm = CallrWireMock.server();

    private static final String CREATE_APP = """
            {"id":1,"jsonrpc":"2.0","method":"apps.create","params":["CLICKTOCALL10","switchboard-click-to-call",null]}""";
    private static final String APP = """
            {"hash":"APP7XK2Q","name":"switchboard-click-to-call","package":{"has_did":false,"name":"CLICKTOCALL10","type":"CLICKTOCALL"},
             "date_creation":"2025-03-14 09:12:00","date_update":"2025-03-14 09:12:00","did":[],"p":{}}""";
    private static final String FIRST_START = """
            {"id":2,"jsonrpc":"2.0","method":"clicktocall/calls.start_2","params":["APP7XK2Q",
              [{"number":"+33612345678","timeout":30}],
              [{"number":"+33187654321","timeout":40}],
              {"cli":"+33972101010","cdr_field":"sbc2c0001"}]}""";
    private static final String SECOND_START = """
            {"id":3,"jsonrpc":"2.0","method":"clicktocall/calls.start_2","params":["APP7XK2Q",
              [{"number":"+33612345678","timeout":30}],
              [{"number":"+33155555555","timeout":40}],
              {}]}""";

    private CallrApiClient client;
    private InMemoryAppHashStore apps;
    private CallrClickToCall clickToCall;

    @BeforeEach
    void setUp() {
        client = CallrWireMock.client(wm);
        apps = new InMemoryAppHashStore();
        clickToCall = new CallrClickToCall(client, apps, CallrClickToCallSettings.defaults());
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void firstStartCreatesTheAppThenEachStartReusesIt() {
        wm.stubFor(rpc(CREATE_APP).willReturn(okJson(result(1, APP))));
        wm.stubFor(rpc(FIRST_START).willReturn(okJson(result(2, "\"C2C4F9A1\""))));
        wm.stubFor(rpc(SECOND_START).willReturn(okJson(result(3, "\"C2C4F9A2\""))));

        CallrClickToCallStarted first = clickToCall.start("+33612345678", "+33187654321", "+33972101010", "sbc2c0001");
        CallrClickToCallStarted second = clickToCall.start("+33612345678", "+33155555555", null, null);

        assertThat(first).isEqualTo(new CallrClickToCallStarted("APP7XK2Q", "C2C4F9A1", "sbc2c0001"));
        assertThat(second).isEqualTo(new CallrClickToCallStarted("APP7XK2Q", "C2C4F9A2", null));
        assertThat(apps.get("switchboard-click-to-call")).contains("APP7XK2Q");
        wm.verify(1, calls("apps.create"));
        wm.verify(2, calls("clicktocall/calls.start_2"));
    }

    @Test
    void aRememberedAppIsNotCreatedAgain() {
        apps.put("switchboard-click-to-call", "APP7XK2Q");
        wm.stubFor(rpc(FIRST_START.replace("\"id\":2", "\"id\":1")).willReturn(okJson(result(1, "\"C2C4F9A1\""))));

        CallrClickToCallStarted started =
                clickToCall.start("+33612345678", "+33187654321", "+33972101010", "sbc2c0001");

        assertThat(started.callHash()).isEqualTo("C2C4F9A1");
        wm.verify(0, calls("apps.create"));
    }

    @Test
    void badNumbersAndTagsAreRefusedBeforeAnythingIsSent() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> clickToCall.start("0612345678", "+33187654321", null, null))
                .withMessageContaining("E.164");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> clickToCall.start("+33612345678", "+33187654321", null, "has-dash"))
                .withMessageContaining("cdr_field");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CallrTarget("+33612345678", 301))
                .withMessageContaining("between 5 and 300");

        assertThat(wm.getAllServeEvents()).isEmpty();
    }
}
