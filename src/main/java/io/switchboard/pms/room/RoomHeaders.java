package io.switchboard.pms.room;

/** Headers on every exchange the room source ({@code switchboard:rooms}) delivers. */
public final class RoomHeaders {

    /** CHECK_IN, CHECK_OUT, ROOM_MOVE … ({@link RoomEventType}). */
    public static final String EVENT_TYPE = "SwitchboardRoomEventType";
    /** Room number. */
    public static final String ROOM = "SwitchboardRoom";
    /** The room phone's extension. */
    public static final String EXTENSION = "SwitchboardExtension";
    /** Position of the event in the room-event log: the idempotency key for connectors. */
    public static final String EVENT_SEQ = "SwitchboardRoomEventSeq";
    /** On WAKE_UP_SET / WAKE_UP_CLEAR: the wake-up id to report the result for. */
    public static final String WAKE_UP_ID = "SwitchboardWakeUpId";
    /** Name of the subscription delivering. */
    public static final String SUBSCRIPTION = "SwitchboardSubscription";
    /** 1 on the first attempt, 2 on the first retry … */
    public static final String ATTEMPT = "SwitchboardDeliveryAttempt";

    private RoomHeaders() {}
}
