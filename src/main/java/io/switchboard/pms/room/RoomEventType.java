package io.switchboard.pms.room;

/** What happened to a room; the FIAS record it comes from in brackets. */
public enum RoomEventType {
    /** A guest checked in (GI). A shared room gets one per guest. */
    CHECK_IN,
    /** A guest checked out (GO); without a reservation id, every guest of the room. */
    CHECK_OUT,
    /** Guest data changed: name, language, sharing (GC without RO). */
    GUEST_CHANGE,
    /** A guest moved rooms (GC with RO): oldRoom/oldExtension → room/extension. */
    ROOM_MOVE,
    /** Class of service, do-not-disturb or message lamp changed (RE). */
    ROOM_EQUIPMENT,
    /** A wake-up call was requested (WR): ring the room at wakeUpAt, then report the result. */
    WAKE_UP_SET,
    /** A wake-up call was cancelled (WC). */
    WAKE_UP_CLEAR,
    /** The PMS starts replaying its guests (DS). */
    RESYNC_START,
    /** The replay ended (DE); guests not replayed were removed (CHECK_OUT with resync=true). */
    RESYNC_END,
    /** Night audit started (NS). */
    NIGHT_AUDIT_START,
    /** Night audit ended (NE). */
    NIGHT_AUDIT_END
}
