package io.switchboard.inbox;

import io.switchboard.call.CallEvent;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The translations the ingress made to validate requests, held by inbox id until the processor
 * records those rows, so a row is not translated twice. Bounded, and a full holder keeps what it
 * has and refuses the newest: the processor takes rows oldest first, so the oldest held are the
 * ones it needs next (a cache that evicts the oldest would, under a backlog larger than itself,
 * evict every translation just before it is needed). A row without one, or after a restart, is
 * translated again from the stored request: translation is a pure function of it.
 */
final class HandedOverTranslations {

    private final int capacity;
    private final Map<Long, List<CallEvent>> byInboxId = new ConcurrentHashMap<>();

    HandedOverTranslations(int capacity) {
        this.capacity = capacity;
    }

    /** Holds {@code events} for {@code inboxId} unless full; returns whether it did. */
    boolean offer(long inboxId, List<CallEvent> events) {
        if (events == null || byInboxId.size() >= capacity) {
            return false;
        }
        byInboxId.put(inboxId, events);
        return true;
    }

    /** Removes and returns what is held for these rows (rows without a translation are absent). */
    Map<Long, List<CallEvent>> take(Collection<Long> inboxIds) {
        Map<Long, List<CallEvent>> taken = new HashMap<>();
        for (Long id : inboxIds) {
            List<CallEvent> events = byInboxId.remove(id);
            if (events != null) {
                taken.put(id, events);
            }
        }
        return taken;
    }

    /** Drops what is held for rows that will never be processed (their insert rolled back). */
    void forget(Collection<Long> inboxIds) {
        inboxIds.forEach(byInboxId::remove);
    }

    int size() {
        return byInboxId.size();
    }
}
