package io.switchboard.vendor.callr.api;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.switchboard.vendor.callr.api.CallrWireMock.result;
import static io.switchboard.vendor.callr.api.CallrWireMock.rpc;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reading a click-to-call's status (CLICKTOCALL.Call) and cancelling it. */
class CallrClickToCallStatusTest {

    @RegisterExtension
    static WireMockExtension wm = CallrWireMock.server();

    @Test
    void statusOfBothPartiesIsRead() {
        wm.stubFor(rpc("""
                        {"id":1,"jsonrpc":"2.0","method":"clicktocall/calls.get_status","params":["C2C4F9A1"]}""")
                .willReturn(okJson(result(1, """
                        {"hash":"C2C4F9A1",
                         "a_status":{"callid":18446744073709551615,"number":"+33612345678","status":"ANSWER","try":1},
                         "b_status":{"callid":0,"number":"+33187654321","status":"DIALING","try":0},
                         "a_targets":[{"number":"+33612345678","timeout":30}],"b_targets":[{"number":"+33187654321","timeout":45}],
                         "app":{},"cli":"+33972101010","cdr_field":"sbc2c0001",
                         "date_creation":"2025-03-14 09:12:00","date_scheduled":"2025-03-14 09:12:00",
                         "date_started":"2025-03-14 09:12:01","date_update":"2025-03-14 09:12:09"}"""))));

        try (CallrApiClient client = CallrWireMock.client(wm)) {
            CallrClickToCallStatus status = client.getClickToCallStatus("C2C4F9A1");

            assertThat(status.hash()).isEqualTo("C2C4F9A1");
            assertThat(status.a()).contains(new CallrPartyStatus("18446744073709551615", "+33612345678", "ANSWER", 1));
            assertThat(status.b()).contains(new CallrPartyStatus("0", "+33187654321", "DIALING", 0));
            assertThat(status.cdrField()).isEqualTo("sbc2c0001");
            assertThat(status.dateStarted()).isEqualTo("2025-03-14 09:12:01");
        }
    }

    @Test
    void cancelSendsTheHashAndReadsTheBoolean() {
        wm.stubFor(rpc("""
                        {"id":1,"jsonrpc":"2.0","method":"clicktocall/calls.cancel","params":["C2C4F9A1"]}""")
                .willReturn(okJson(result(1, "true"))));

        try (CallrApiClient client = CallrWireMock.client(wm)) {
            assertThat(client.cancelClickToCall("C2C4F9A1")).isTrue();
        }
    }
}
