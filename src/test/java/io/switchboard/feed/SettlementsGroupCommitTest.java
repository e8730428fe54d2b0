package io.switchboard.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The outcomes of a batch reach the journal in groups, oldest first; a group that could not be
 * written goes with the next one, so a call's later change is never recorded without its earlier one.
 */
class SettlementsGroupCommitTest {

    private static final Instant NOW = Instant.parse("2026-11-23T16:00:00Z");

    private final List<List<Long>> written = new ArrayList<>();
    private int failuresToCome;

    private void write(List<CallFeed.Outcome> outcomes) {
        if (failuresToCome > 0) {
            failuresToCome--;
            throw new IllegalStateException("journal unavailable");
        }
        written.add(outcomes.stream().map(CallFeed.Outcome::deliveryId).toList());
    }

    private static CallFeed.Outcome delivered(long id) {
        return CallFeed.Outcome.delivered(id, 1, NOW);
    }

    @Test
    void writesWhatGatheredInArrivalOrderAndTheRestAtTheEnd() {
        Settlements settlements = new Settlements(this::write, "test", Duration.ZERO);
        settlements.add(delivered(1));
        settlements.add(delivered(2));
        settlements.writeIfDue();
        settlements.add(delivered(3));
        settlements.writeAll();

        assertThat(written).containsExactly(List.of(1L, 2L), List.of(3L));
    }

    @Test
    void aFailedWriteIsRetriedTogetherWithTheLaterOutcomes() {
        Settlements settlements = new Settlements(this::write, "test", Duration.ZERO);
        // Change 1 of a call is delivered; recording it fails once (journal busy).
        settlements.add(delivered(1));
        failuresToCome = 1;
        settlements.writeIfDue();
        assertThat(written).isEmpty();
        // Change 2 of the same call is delivered next, and one failed delivery of another call.
        settlements.add(delivered(2));
        settlements.add(CallFeed.Outcome.failed(7, 1, NOW.plusSeconds(1), false, "HTTP 503", NOW));
        settlements.writeAll();

        assertThat(written).containsExactly(List.of(1L, 2L, 7L));
    }

    @Test
    void aFailedLastWriteFailsThePollAndLeavesNothingHalfWritten() {
        Settlements settlements = new Settlements(this::write, "test", Duration.ZERO);
        settlements.add(delivered(1));
        settlements.writeIfDue();
        settlements.add(delivered(2));
        settlements.add(delivered(3));
        failuresToCome = 1;

        assertThatThrownBy(settlements::writeAll).hasMessage("journal unavailable");
        // 2 and 3 stay PENDING in the journal: delivered again, in order, by the next poll.
        assertThat(written).containsExactly(List.of(1L));
    }

    @Test
    void writesNoMoreOftenThanTheInterval() {
        Settlements settlements = new Settlements(this::write, "test", Duration.ofHours(1));
        settlements.add(delivered(1));
        settlements.writeIfDue();
        assertThat(written).isEmpty();
        assertThat(settlements.nanosToNextWrite()).isPositive();
        settlements.writeAll();
        assertThat(written).containsExactly(List.of(1L));
    }
}
