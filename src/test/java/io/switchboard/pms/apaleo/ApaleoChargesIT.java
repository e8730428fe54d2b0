package io.switchboard.pms.apaleo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.switchboard.pms.PmsIntegrationTest;
import io.switchboard.pms.room.Guest;
import io.switchboard.pms.room.RoomIndex;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Room call charges to Apaleo folios, over real HTTP to a WireMock Apaleo answering as its API
 * reference documents: client-credentials token, the reservation's guest folios, a charge posted
 * with Idempotency-Key = posting id; retries on 503, a 422 is final.
 */
@DirtiesContext
class ApaleoChargesIT extends PmsIntegrationTest {

    static final WireMockServer APALEO = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    static final String CLIENT_ID = "SWBD-AC-switchboard";
    static final String CLIENT_SECRET = "apaleo-secret-123";

    static {
        APALEO.start();
    }

    @DynamicPropertySource
    static void apaleo(DynamicPropertyRegistry registry) {
        registry.add("switchboard.pms.apaleo.enabled", () -> "true");
        registry.add("switchboard.pms.apaleo.api-url", () -> "http://127.0.0.1:" + APALEO.port());
        registry.add("switchboard.pms.apaleo.identity-url", () -> "http://127.0.0.1:" + APALEO.port());
        registry.add("switchboard.pms.apaleo.client-id", () -> CLIENT_ID);
        registry.add("switchboard.pms.apaleo.client-secret", () -> CLIENT_SECRET);
        registry.add("switchboard.pms.charges.enabled", () -> "true");
        registry.add("switchboard.pms.charges.target", () -> "apaleo");
    }

    @AfterAll
    static void stopApaleo() {
        APALEO.stop();
    }

    @Autowired
    RoomIndex rooms;


    @BeforeEach
    void apaleoAnswers() {
        awaitChargeSubscription();
        APALEO.resetAll();
        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        APALEO.stubFor(WireMock.post(urlEqualTo("/connect/token"))
                .withHeader("Authorization", equalTo("Basic " + basic))
                .withRequestBody(equalTo("grant_type=client_credentials"))
                .willReturn(okJson("{\"access_token\":\"eyJ.apaleo.token\",\"expires_in\":3600,\"token_type\":\"Bearer\","
                        + "\"scope\":\"folios.manage\"}")));
    }

    @Test
    void aRoomCallIsChargedToTheMainGuestFolioWithTheIdempotencyKey() {
        guestIn("5101", "ZZXYKLMN-1");
        stubFolios("ZZXYKLMN-1", "ZZXYKLMN-1");
        APALEO.stubFor(WireMock.post(urlEqualTo("/finance/v1/folio-actions/ZZXYKLMN-1/charges"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"ZZXYKLMN-1-1-4\"}")));

        String callId = sendOutboundCall("5101", "+33612345678", 125);

        String postingId = awaitPosting(callId, "DONE");
        assertThat(jdbc.queryForObject("SELECT answer_status FROM pms_postings WHERE id = ?", String.class, postingId))
                .isEqualTo("ZZXYKLMN-1-1-4");
        APALEO.verify(1, postRequestedFor(urlEqualTo("/finance/v1/folio-actions/ZZXYKLMN-1/charges"))
                .withHeader("Authorization", equalTo("Bearer eyJ.apaleo.token"))
                .withHeader("Idempotency-Key", equalTo(postingId))
                .withHeader("Content-Type", WireMock.containing("application/json"))
                .withRequestBody(equalToJson("{\"serviceType\":\"Other\",\"vatType\":\"Normal\","
                        + "\"name\":\"Phone call France mobile\",\"amount\":{\"amount\":1.35,\"currency\":\"EUR\"}}")));
    }

    @Test
    void aChargeRefusedWith503IsRetriedWithTheSameIdempotencyKey() {
        guestIn("5201", "QWERTYUI-1");
        stubFolios("QWERTYUI-1", "QWERTYUI-1");
        String path = "/finance/v1/folio-actions/QWERTYUI-1/charges";
        APALEO.stubFor(WireMock.post(urlEqualTo(path)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1"))
                .willSetStateTo("recovered"));
        APALEO.stubFor(WireMock.post(urlEqualTo(path)).inScenario("busy").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"QWERTYUI-1-1-1\"}")));

        String callId = sendOutboundCall("5201", "+4989920920", 30);

        String postingId = awaitPosting(callId, "DONE");
        APALEO.verify(2, postRequestedFor(urlEqualTo(path)).withHeader("Idempotency-Key", equalTo(postingId)));
        assertThat(jdbc.queryForObject("SELECT attempts FROM pms_postings WHERE id = ?", Integer.class, postingId))
                .isEqualTo(3); // sent, failed (counted), sent again
    }

    @Test
    void aChargeApaleoRejectsIsFinalWithItsMessage() {
        guestIn("5301", "ASDFGHJK-1");
        stubFolios("ASDFGHJK-1", "ASDFGHJK-1");
        APALEO.stubFor(WireMock.post(urlEqualTo("/finance/v1/folio-actions/ASDFGHJK-1/charges"))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                        .withBody("{\"messages\":[\"The folio ASDFGHJK-1 is closed.\"]}")));

        String callId = sendOutboundCall("5301", "+33612345678", 60);

        String postingId = awaitPosting(callId, "REJECTED");
        assertThat(jdbc.queryForObject("SELECT last_error FROM pms_postings WHERE id = ?", String.class, postingId))
                .contains("422").contains("The folio ASDFGHJK-1 is closed.");
    }

    @Test
    void aReservationWithoutFolioIsRejectedWithoutCharge() {
        guestIn("5401", "NOFOLIO-1");
        APALEO.stubFor(WireMock.get(urlPathEqualTo("/finance/v1/folios")).willReturn(aResponse().withStatus(204)));

        String callId = sendOutboundCall("5401", "+33612345678", 60);

        String postingId = awaitPosting(callId, "REJECTED");
        assertThat(jdbc.queryForObject("SELECT last_error FROM pms_postings WHERE id = ?", String.class, postingId))
                .contains("no guest folio");
        APALEO.verify(0, postRequestedFor(urlPathEqualTo("/finance/v1/folio-actions/NOFOLIO-1/charges")));
    }

    private void stubFolios(String reservationId, String folioId) {
        APALEO.stubFor(WireMock.get(urlEqualTo("/finance/v1/folios?reservationIds=" + reservationId + "&type=Guest"))
                .withHeader("Authorization", equalTo("Bearer eyJ.apaleo.token"))
                .willReturn(okJson("{\"folios\":[{\"id\":\"" + folioId + "-2\",\"type\":\"Guest\",\"isMainFolio\":false,"
                        + "\"reservation\":{\"id\":\"" + reservationId + "\"}},{\"id\":\"" + folioId + "\",\"type\":\"Guest\","
                        + "\"isMainFolio\":true,\"reservation\":{\"id\":\"" + reservationId + "\"}}],\"count\":2}")));
    }

    private void guestIn(String room, String reservation) {
        rooms.checkIn(new Guest(room, reservation, room, "Guest " + room, "EA", false, Instant.now()), Instant.now());
    }

}
