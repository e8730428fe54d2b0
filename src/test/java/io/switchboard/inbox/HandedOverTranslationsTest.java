package io.switchboard.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandedOverTranslationsTest {

    private static final List<CallEvent> EVENTS = List.of();

    @Test
    void aFullHolderKeepsTheOldestAndRefusesTheNewest() {
        HandedOverTranslations held = new HandedOverTranslations(2);
        assertThat(held.offer(1, EVENTS)).isTrue();
        assertThat(held.offer(2, EVENTS)).isTrue();
        assertThat(held.offer(3, EVENTS)).as("full: the newest is translated again later").isFalse();

        assertThat(held.take(List.of(1L, 2L, 3L))).containsOnlyKeys(1L, 2L);
        assertThat(held.size()).as("taken means removed").isZero();
        assertThat(held.offer(4, EVENTS)).isTrue();
    }

    @Test
    void forgetsRowsThatRolledBackAndHoldsNoNull() {
        HandedOverTranslations held = new HandedOverTranslations(10);
        held.offer(1, EVENTS);
        held.offer(2, EVENTS);
        assertThat(held.offer(3, null)).isFalse();

        held.forget(List.of(1L, 3L));

        assertThat(held.take(List.of(1L, 2L, 3L))).containsOnlyKeys(2L);
    }
}
