package io.switchboard.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IngressPressureTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final IngressPressure pressure = new IngressPressure(now::get);

    @Test
    void smallCommitsAreNoPressure() {
        assertThat(pressure.busy()).isFalse();
        pressure.committed(1);
        pressure.committed(IngressPressure.BUSY_COMMIT - 1);
        assertThat(pressure.busy()).isFalse();
    }

    @Test
    void aFullGroupCommitIsPressureForAMomentOnly() {
        pressure.committed(IngressPressure.BUSY_COMMIT);
        assertThat(pressure.busy()).isTrue();

        now.addAndGet(IngressPressure.BUSY_FOR_NANOS - 1);
        assertThat(pressure.busy()).isTrue();
        pressure.committed(2);
        now.addAndGet(1);
        assertThat(pressure.busy()).as("small commits since: the ingress keeps up again").isFalse();
    }
}
