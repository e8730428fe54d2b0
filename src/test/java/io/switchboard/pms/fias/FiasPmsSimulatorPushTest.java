package io.switchboard.pms.fias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.pms.fias.FiasGuestEvent.Kind;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FiasPmsSimulatorPushTest {

    private final FiasPmsSimulator simulator = FiasPmsSimulator.started();

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void scriptedPmsRecordsReachTheClientInOrderWithCp850Names() throws Exception {
        try (FiasTestClient client = new FiasTestClient(FiasCodec.cp850(), simulator.port())) {
            client.handshake();

            simulator.send(
                    new FiasGuestEvent(Kind.CHECK_IN, "2781", "4711", "Müller", "GE", false, null, false).toRecord(),
                    new FiasRoomEquipment("2781", 2, false, true, null).toRecord(),
                    FiasWakeUp.set("2781", LocalDate.of(2025, 1, 16), LocalTime.of(7, 0)).toRecord(),
                    FiasRecord.parse("DS|DA250115|TI020000|"),
                    FiasRecord.parse("GI|RN2781|G#4711|GNMüller|SF|"),
                    FiasRecord.parse("DE|DA250115|TI020001|"),
                    FiasRecord.parse("NS|DA250115|TI030000|"),
                    FiasRecord.parse("NE|DA250115|TI031500|"));

            assertThat(FiasGuestEvent.from(client.next("GI")).name()).isEqualTo("Müller");
            assertThat(FiasRoomEquipment.from(client.next("RE")).messageLamp()).isTrue();
            assertThat(FiasWakeUp.from(client.next("WR")).time()).isEqualTo(LocalTime.of(7, 0));
            client.next("DS");
            assertThat(FiasGuestEvent.from(client.next("GI")).resync()).isTrue();
            client.next("DE");
            client.next("NS");
            client.next("NE");
        }
    }

    @Test
    void recordsFromTheClientAreRecordedAndAwaitable() throws Exception {
        try (FiasTestClient client = new FiasTestClient(FiasCodec.cp850(), simulator.port())) {
            client.handshake();

            client.send(
                    FiasRoomEquipment.maidStatus("2781", "1").toRecord(),
                    FiasWakeUp.answer("2781", LocalDate.of(2025, 1, 16), LocalTime.of(7, 0), "OK").toRecord());

            FiasRecord wa = simulator.awaitRecord(r -> r.is("WA"), FiasTestClient.WAIT);
            assertThat(wa.toWire()).isEqualTo("WA|RN2781|DA250116|TI070000|ASOK|");
            assertThat(simulator.received("RE")).extracting(FiasRecord::toWire).containsExactly("RE|RN2781|RS1|");
        }
    }

    @Test
    void sendingWithoutAClientFailsClearly() {
        assertThatThrownBy(() -> simulator.send(FiasRecord.parse("LE|")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no client is connected to the FIAS simulator");
    }
}
