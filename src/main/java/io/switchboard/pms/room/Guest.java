package io.switchboard.pms.room;

import java.time.Instant;

/** One row of the room ↔ extension ↔ guest index: a reservation staying in a room. */
public record Guest(
        String room, String reservation, String extension, String guestName, String language, boolean shared,
        Instant checkedInAt) {}
