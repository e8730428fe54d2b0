package io.switchboard.feed;

/** Headers on every exchange the call-event source ({@code switchboard:calls}) delivers. */
public final class FeedHeaders {

    /** Hub call id: the idempotency key connectors use (a redelivery carries the same id). */
    public static final String CALL_ID = "SwitchboardCallId";
    /** State of the call at this change: RINGING, ANSWERED or ENDED. */
    public static final String CALL_STATE = "SwitchboardCallState";
    /** Vendor of the call. */
    public static final String VENDOR = "SwitchboardVendor";
    /** Subscriber line of the call. */
    public static final String LINE = "SwitchboardLine";
    /** Name of the subscription delivering. */
    public static final String SUBSCRIPTION = "SwitchboardSubscription";
    /** 1 on the first attempt, 2 on the first retry … */
    public static final String ATTEMPT = "SwitchboardDeliveryAttempt";
    /** Position of the change in the feed (increasing). */
    public static final String FEED_SEQ = "SwitchboardFeedSeq";
    /** Id of the delivery row (the deliveries API shows and replays it under this id). */
    public static final String DELIVERY_ID = "SwitchboardDeliveryId";
    /**
     * Set by a route before it fails, to ask for a minimum wait before the next attempt: seconds or
     * an HTTP date (a remote's {@code Retry-After}), or a {@link java.time.Duration}. Exceptions that
     * carry their own wait (VendorApiException, camel-http's HttpOperationFailedException) need it not.
     */
    public static final String RETRY_AFTER = "SwitchboardRetryAfter";

    private FeedHeaders() {}
}
