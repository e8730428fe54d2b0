package io.switchboard.pms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RoomMappingTest {

    @Test
    void sameNumberMapsBothWays() {
        RoomMapping same = new RoomMapping(RoomMapping.Mode.SAME, "", Map.of());
        assertThat(same.extension("2781")).contains("2781");
        assertThat(same.room("2781")).contains("2781");
    }

    @Test
    void aPrefixIsAddedAndStripped() {
        RoomMapping prefix = new RoomMapping(RoomMapping.Mode.PREFIX, "2", Map.of());
        assertThat(prefix.extension("781")).contains("2781");
        assertThat(prefix.room("2781")).contains("781");
        assertThat(prefix.room("3781")).isEmpty();
        assertThat(prefix.room("2")).isEmpty();
    }

    @Test
    void aTableMapsOnlyItsRooms() {
        RoomMapping table = new RoomMapping(RoomMapping.Mode.TABLE, "", Map.of("101", "4101", "102", "4102"));
        assertThat(table.extension("101")).contains("4101");
        assertThat(table.room("4102")).contains("102");
        assertThat(table.extension("103")).isEmpty();
        assertThat(table.room("101")).isEmpty();
    }

    @Test
    void twoRoomsOnOneExtensionAreRefused() {
        assertThatThrownBy(() -> new RoomMapping(RoomMapping.Mode.TABLE, "", Map.of("101", "4101", "102", "4101")))
                .hasMessageContaining("to the same extension");
    }
}
