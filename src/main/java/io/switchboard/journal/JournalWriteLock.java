package io.switchboard.journal;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Serialises the journal's write transactions. Correlation reads {@code call_keys} and then writes
 * them; two writers in parallel (the inbox processor and a click-to-call request) could each miss
 * the other's uncommitted keys and split one call in two. Each writer holds this lock around its
 * whole transaction (not just inside it), so the next one sees committed keys.
 */
@Component
public class JournalWriteLock {

    private final ReentrantLock lock = new ReentrantLock(true);

    public <T> T call(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
