package io.switchboard.journal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded map that forgets the least recently used entry first: what the journal writer keeps
 * of the calls it wrote. Plain LRU on purpose: a call's next event follows its previous one in
 * time, so recency is exactly what predicts a hit (Caffeine's frequency-based admission turned
 * away new calls, each seen once so far, in favour of older ones). Synchronized; in practice
 * only the writer holding {@link JournalWriteLock} uses it.
 */
final class RecentlyWritten<K, V> {

    private final LinkedHashMap<K, V> entries;

    RecentlyWritten(int maxEntries) {
        this.entries = new LinkedHashMap<>(Math.min(maxEntries, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > maxEntries;
            }
        };
    }

    synchronized V getIfPresent(K key) {
        return entries.get(key);
    }

    synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    synchronized void invalidate(K key) {
        entries.remove(key);
    }

    synchronized void invalidateAll() {
        entries.clear();
    }

    synchronized int size() {
        return entries.size();
    }
}
