package io.switchboard.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The create-once locks stay bounded: a hub that has seen 100,000 distinct callers holds the
 * same {@value ContactMatcher#LOCK_STRIPES} locks as one that has seen ten, and a (connector,
 * number) pair always gets the same lock (serialization, tested in ContactMatcherCreateOnceTest).
 */
class ContactMatcherLockStripesTest {

    @Test
    void manyDistinctNumbersShareAFixedSetOfLocks() {
        Set<Object> locks = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < 100_000; i++) {
            locks.add(ContactMatcher.lockFor("hubspot-main", "+336" + (10_000_000 + i)));
        }

        assertThat(locks).hasSize(ContactMatcher.LOCK_STRIPES);
    }

    @Test
    void theSamePairAlwaysGetsTheSameLockAndConnectorsAreDistinguished() {
        Object first = ContactMatcher.lockFor("hubspot-main", "+33612345678");

        assertThat(ContactMatcher.lockFor("hubspot-main", "+33612345678")).isSameAs(first);
        long sameAsOtherConnector = java.util.stream.IntStream.range(0, 1000)
                .filter(i -> ContactMatcher.lockFor("c" + i, "+33612345678") == first)
                .count();
        assertThat(sameAsOtherConnector).isLessThan(50);
    }
}
