package io.switchboard.vendor.udesk.api;

import java.time.Instant;

/**
 * A page of {@code GET calls/logs}: completed calls, at most one week old. udesk gives
 * {@code callId} priority over the time range.
 *
 * @param callId only this call, may be null
 * @param start calls started at or after, may be null
 * @param end calls started before, may be null
 * @param pageSize records per page, 1..100
 * @param pageNum page number, from 1
 */
public record UdeskCallLogQuery(String callId, Instant start, Instant end, int pageSize, int pageNum) {

    public static final int MAX_PAGE_SIZE = 100;

    public UdeskCallLogQuery {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE || pageNum < 1) {
            throw new IllegalArgumentException("udesk call log pages hold 1..100 records and are numbered from 1");
        }
    }

    /** First page of the calls started between {@code start} and {@code end}, 100 per page. */
    public static UdeskCallLogQuery between(Instant start, Instant end) {
        return new UdeskCallLogQuery(null, start, end, MAX_PAGE_SIZE, 1);
    }

    /** The record of one call. */
    public static UdeskCallLogQuery call(String callId) {
        return new UdeskCallLogQuery(callId, null, null, MAX_PAGE_SIZE, 1);
    }

    public UdeskCallLogQuery page(int number) {
        return new UdeskCallLogQuery(callId, start, end, pageSize, number);
    }
}
