package io.switchboard.vendor.callr.api;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.switchboard.vendor.callr.api.CallrWireMock.calls;
import static io.switchboard.vendor.callr.api.CallrWireMock.result;
import static io.switchboard.vendor.callr.api.CallrWireMock.rpc;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Webhook registration lists the account's hooks first and subscribes only the missing types. */
class CallrWebhookRegistrationTest {

    @RegisterExtension
    static WireMockExtension wm = CallrWireMock.server();

    private static final String HUB = "https://hub.example.com/webhooks/callr";
    private static final String LIST_PAGE_1 = """
            {"id":1,"jsonrpc":"2.0","method":"webhooks.get_list","params":[{"offset":0,"quantity":100}]}""";
    private static final String LIST_PAGE_2 = """
            {"id":2,"jsonrpc":"2.0","method":"webhooks.get_list","params":[{"offset":2,"quantity":100}]}""";
    private static final String OPTIONS = """
            {"format":"JSON","hmac_algo":"SHA256","hmac_secret":"whsec-9Fz2kq81"}""";

    @Test
    void onlyMissingOrDisabledTypesAreSubscribed() {
        wm.stubFor(rpc(LIST_PAGE_1).willReturn(okJson(result(1, """
                {"has_more":true,"offset":0,"total":3,"hits":[
                  {"hash":"HK1","type":"call.inbound_start","endpoint":"%s","status":"ENABLED","options":{"format":"JSON","hmac_algo":"SHA256"},
                   "created_at":"2025-01-02 10:00:00.000","updated_at":"2025-01-02 10:00:00.000"},
                  {"hash":"HK2","type":"call.inbound_hangup","endpoint":"%s","status":"DISABLED_SYSTEM","options":{}}]}"""
                .formatted(HUB, HUB)))));
        wm.stubFor(rpc(LIST_PAGE_2).willReturn(okJson(result(2, """
                {"has_more":false,"offset":2,"total":3,"hits":[
                  {"hash":"HK3","type":"call.outbound_start","endpoint":"https://crm.example.com/callr","status":"ENABLED","options":{}}]}"""))));
        stubSubscribe(3, "call.inbound_hangup", "HK4");
        stubSubscribe(4, "call.outbound_start", "HK5");
        stubSubscribe(5, "call.outbound_hangup", "HK6");

        CallrWebhookRegistration registration;
        try (CallrApiClient client = CallrWireMock.client(wm)) {
            registration = new CallrWebhookSubscriber(client)
                    .ensure(HUB, CallrWebhookSubscriber.CALL_EVENT_TYPES, new CallrWebhookOptions("SHA256", "whsec-9Fz2kq81"));
        }

        assertThat(registration.existing()).extracting(CallrWebhook::hash).containsExactly("HK1");
        assertThat(registration.created()).extracting(CallrWebhook::hash).containsExactly("HK4", "HK5", "HK6");
        assertThat(registration.created()).allMatch(CallrWebhook::enabled);
        assertThat(registration.disabled()).extracting(CallrWebhook::hash).containsExactly("HK2");
        wm.verify(3, calls("webhooks.subscribe"));
        wm.verify(2, calls("webhooks.get_list"));
    }

    @Test
    void nothingIsSubscribedWhenEveryTypeExists() {
        wm.stubFor(rpc(LIST_PAGE_1).willReturn(okJson(result(1, """
                [{"hash":"HK1","type":"call.inbound_hangup","endpoint":"%s","status":"ENABLED"},
                 {"hash":"HK2","type":"call.outbound_hangup","endpoint":"%s","status":"ENABLED"}]""".formatted(HUB, HUB)))));

        CallrWebhookRegistration registration;
        try (CallrApiClient client = CallrWireMock.client(wm)) {
            registration = new CallrWebhookSubscriber(client).ensure(
                    HUB, java.util.List.of("call.inbound_hangup", "call.outbound_hangup"),
                    new CallrWebhookOptions("SHA256", "whsec-9Fz2kq81"));
        }

        assertThat(registration.existing()).hasSize(2);
        assertThat(registration.created()).isEmpty();
        wm.verify(0, calls("webhooks.subscribe"));
    }

    private static void stubSubscribe(int id, String type, String hash) {
        wm.stubFor(rpc("""
                        {"id":%d,"jsonrpc":"2.0","method":"webhooks.subscribe","params":["%s","%s",%s]}"""
                        .formatted(id, type, HUB, OPTIONS))
                .willReturn(okJson(result(id, """
                        {"hash":"%s","type":"%s","endpoint":"%s","status":"ENABLED","options":{"format":"JSON","hmac_algo":"SHA256"},
                         "created_at":"2025-03-14 09:12:00.123","updated_at":"2025-03-14 09:12:00.123"}"""
                        .formatted(hash, type, HUB)))));
    }
}
