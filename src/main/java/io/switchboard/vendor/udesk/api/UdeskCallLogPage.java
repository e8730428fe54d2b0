package io.switchboard.vendor.udesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One page of {@code calls/logs}: the raw {@code CallLogs} records, for
 * {@code io.switchboard.vendor.udesk.UdeskCallLogTranslator}.
 *
 * @param query the query that produced the page
 * @param records the records as udesk sent them
 */
public record UdeskCallLogPage(UdeskCallLogQuery query, List<JsonNode> records) {

    public UdeskCallLogPage {
        records = List.copyOf(records);
    }

    /** udesk gives no total: a page shorter than the page size is the last one. */
    public boolean last() {
        return records.size() < query.pageSize();
    }
}
