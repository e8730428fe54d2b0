package io.switchboard.journal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the embedded H2 journal keeps its file compact: everything under
 * {@code switchboard.journal.compaction} (no effect on PostgreSQL, which vacuums itself).
 *
 * @param enabled whether the hub rewrites sparse parts of the H2 file at all
 * @param interval how often it looks at the file's fill rate
 * @param targetFillRate percentage of live data in the file's chunks below which it rewrites the
 *     sparsest chunks (H2's own background writer, which {@code WRITE_DELAY=0} turns off, aims at
 *     about 60 % of the chunks old enough to rewrite under load and 90 % when idle)
 * @param maxRewrite most data rewritten in one step; the journal's commits wait while a step runs
 * @param maxTime most time spent rewriting per {@code interval}, in steps: bounds what compaction
 *     takes from the hub under load (the file then grows for a while, and is compacted once the
 *     load is lighter)
 * @param retention how old a chunk of the file must be before H2 may rewrite it or reuse its space
 *     (H2's retention time, 45 s by default: H2 never forces its file to disk and assumes the
 *     system has written a chunk by then). The hub forces the file to disk every {@code interval}
 *     and lets H2 reuse only chunks made dead by commits already on disk, so a shorter time is as
 *     safe; the file then holds seconds of write traffic instead of about 90. At least
 *     {@code interval}.
 */
@Validated
@ConfigurationProperties("switchboard.journal.compaction")
public record JournalCompactionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") Duration interval,
        @DefaultValue("60") @Min(1) @Max(99) int targetFillRate,
        @DefaultValue("256KB") DataSize maxRewrite,
        @DefaultValue("100ms") Duration maxTime,
        @DefaultValue("5s") Duration retention) {

    public JournalCompactionProperties {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("switchboard.journal.compaction.interval must be positive");
        }
        if (maxRewrite == null || maxRewrite.toBytes() < 1 || maxRewrite.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("switchboard.journal.compaction.max-rewrite must be between 1B and 2GB");
        }
        if (maxTime == null || maxTime.isNegative() || maxTime.compareTo(interval) > 0) {
            throw new IllegalArgumentException("switchboard.journal.compaction.max-time must be between 0 and the interval");
        }
        if (retention == null || retention.compareTo(interval) < 0 || retention.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "switchboard.journal.compaction.retention must be at least the interval (H2's own is 45s)");
        }
    }
}
