package io.switchboard.journal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentlyWrittenTest {

    @Test
    void forgetsTheLeastRecentlyUsedEntryFirst() {
        RecentlyWritten<String, Integer> recent = new RecentlyWritten<>(2);
        recent.put("a", 1);
        recent.put("b", 2);
        assertThat(recent.getIfPresent("a")).isEqualTo(1); // a is now the most recently used
        recent.put("c", 3);

        assertThat(recent.getIfPresent("b")).as("least recently used").isNull();
        assertThat(recent.getIfPresent("a")).isEqualTo(1);
        assertThat(recent.getIfPresent("c")).isEqualTo(3);
        assertThat(recent.size()).isEqualTo(2);
    }

    @Test
    void aNewEntryIsAlwaysKept() {
        RecentlyWritten<Integer, Integer> recent = new RecentlyWritten<>(100);
        for (int i = 0; i < 1_000; i++) {
            recent.put(i, i);
            assertThat(recent.getIfPresent(i)).isEqualTo(i);
        }
        assertThat(recent.size()).isEqualTo(100);
        assertThat(recent.getIfPresent(899)).isNull();
        assertThat(recent.getIfPresent(900)).isEqualTo(900);
    }

    @Test
    void invalidatesOneOrAll() {
        RecentlyWritten<String, Integer> recent = new RecentlyWritten<>(10);
        recent.put("a", 1);
        recent.put("b", 2);
        recent.invalidate("a");
        assertThat(recent.getIfPresent("a")).isNull();
        recent.invalidateAll();
        assertThat(recent.size()).isZero();
    }
}
