package io.switchboard.journal;

import java.time.Instant;

/** Filters of {@code GET /api/v1/events}; null means "any". */
public record EventQuery(
        String vendor, String callId, String type, Instant since, Instant until, int offset, int limit) {}
