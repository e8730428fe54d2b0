package io.switchboard.journal;

import java.util.List;

/** One page of a query result. {@code total} counts every match, not only this page. */
public record Page<T>(List<T> items, long total, int offset, int limit) {}
