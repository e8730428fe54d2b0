package io.switchboard.clicktocall;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.switchboard.HubIntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub with every demo source's vendor API pointed at one WireMock server on 127.0.0.1 (Keyyo
 * {@code /makecall.html}, CALLR {@code /json-rpc/v1.1/}, Telphin {@code /oauth/token} and
 * {@code /api/ver1.0/…}, udesk {@code /ccapi/v2/…}), with test credentials. One server and one
 * Spring context for every test class extending this.
 */
public abstract class VendorApiHubTest extends HubIntegrationTest {

    protected static final WireMockServer VENDORS = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

    static final String KEYYO_LINE = "33100000001";
    static final String KEYYO_SIP_LOGIN = "33100000001";
    static final String KEYYO_SIP_PASSWORD = "s1p-Test-Passw0rd";
    static final String CALLR_LOGIN = "acme_ops";
    static final String CALLR_PASSWORD = "pa55-w0rd-Zq9";
    static final String TELPHIN_CLIENT_ID = "switchboard-app";
    static final String TELPHIN_CLIENT_SECRET = "telphin-Secret-42";
    static final String UDESK_SID = "sid-7788";
    static final String UDESK_AUTH_TOKEN = "udesk-auth-Token-99";

    static {
        VENDORS.start();
    }

    @DynamicPropertySource
    static void vendorApis(DynamicPropertyRegistry registry) {
        String url = "http://127.0.0.1:" + VENDORS.port();
        registry.add("SWITCHBOARD_VENDOR_READ_TIMEOUT", () -> "2s");
        registry.add("KEYYO_API_URL", () -> url);
        registry.add("KEYYO_LINE", () -> KEYYO_LINE);
        registry.add("KEYYO_SIP_LOGIN", () -> KEYYO_SIP_LOGIN);
        registry.add("KEYYO_SIP_PASSWORD", () -> KEYYO_SIP_PASSWORD);
        registry.add("CALLR_API_URL", () -> url);
        registry.add("CALLR_LOGIN", () -> CALLR_LOGIN);
        registry.add("CALLR_PASSWORD", () -> CALLR_PASSWORD);
        registry.add("TELPHIN_API_URL", () -> url);
        registry.add("TELPHIN_CLIENT_ID", () -> TELPHIN_CLIENT_ID);
        registry.add("TELPHIN_CLIENT_SECRET", () -> TELPHIN_CLIENT_SECRET);
        registry.add("UDESK_API_URL", () -> url);
        registry.add("UDESK_SID", () -> UDESK_SID);
        registry.add("UDESK_AUTH_TOKEN", () -> UDESK_AUTH_TOKEN);
    }

    @BeforeEach
    void resetVendors() {
        VENDORS.resetAll();
    }

    protected HttpResponse<String> clickToCall(String json) {
        return post("/api/v1/click-to-call", "application/json", json, Map.of());
    }

    protected JsonNode call(String id) {
        return json(get("/api/v1/calls/" + id));
    }

    protected static String vendorUrl() {
        return "http://127.0.0.1:" + VENDORS.port();
    }
}
