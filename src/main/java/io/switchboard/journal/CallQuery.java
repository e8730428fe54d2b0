package io.switchboard.journal;

import io.switchboard.call.CallState;
import io.switchboard.call.Outcome;
import java.time.Instant;
import java.util.Set;

/**
 * Filters of {@code GET /api/v1/calls}; null means "any".
 *
 * @param numbers the forms a searched number may be stored in (E.164, extension, raw digits): a
 *     call matches when its from or to is one of them
 * @param since calls started at or after
 * @param until calls started before
 */
public record CallQuery(
        String vendor,
        String line,
        Set<String> numbers,
        CallState state,
        Outcome outcome,
        Instant since,
        Instant until,
        int offset,
        int limit) {}
