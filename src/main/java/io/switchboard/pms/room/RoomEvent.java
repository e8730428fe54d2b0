package io.switchboard.pms.room;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A canonical room event, what the room source ({@code switchboard:rooms}) delivers as JSON.
 * Fields that do not apply to a type are left out. Documented in docs/pms/fias.md.
 *
 * @param seq position in the room-event log (increasing); null before it is stored
 * @param room room number (on a move: the new room)
 * @param extension the room phone's extension (from switchboard.pms.rooms)
 * @param reservation PMS reservation id (FIAS G#)
 * @param language FIAS language code (EA, GE, SP …): not ISO 639
 * @param oldRoom on ROOM_MOVE, the room the guest left; oldExtension its phone
 * @param classOfService 0 barred … 3 unrestricted (RE CS)
 * @param wakeUpId on WAKE_UP_SET/CLEAR: report the result of this id
 * @param wakeUpAt the wake-up time, hotel local time
 * @param resync true for check-ins replayed during a resync (DS … DE) and for stale guests removed at DE
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoomEvent(
        Long seq,
        RoomEventType type,
        String room,
        String extension,
        String reservation,
        String guestName,
        String language,
        Boolean shared,
        String oldRoom,
        String oldExtension,
        Integer classOfService,
        Boolean doNotDisturb,
        Boolean messageLamp,
        Long wakeUpId,
        LocalDateTime wakeUpAt,
        Boolean resync,
        String pms,
        Instant occurredAt) {

    public static RoomEvent of(RoomEventType type, String room, String extension, Instant at) {
        return new RoomEvent(null, type, room, extension, null, null, null, null, null, null, null, null, null, null,
                null, null, "fias", at);
    }

    public RoomEvent withSeq(long newSeq) {
        return new RoomEvent(newSeq, type, room, extension, reservation, guestName, language, shared, oldRoom,
                oldExtension, classOfService, doNotDisturb, messageLamp, wakeUpId, wakeUpAt, resync, pms, occurredAt);
    }

    public RoomEvent withGuest(String newReservation, String name, String lang, Boolean isShared, boolean isResync) {
        return new RoomEvent(seq, type, room, extension, newReservation, name, lang, isShared, oldRoom, oldExtension,
                classOfService, doNotDisturb, messageLamp, wakeUpId, wakeUpAt, isResync ? Boolean.TRUE : null, pms,
                occurredAt);
    }

    public RoomEvent withMove(String from, String fromExtension) {
        return new RoomEvent(seq, type, room, extension, reservation, guestName, language, shared, from, fromExtension,
                classOfService, doNotDisturb, messageLamp, wakeUpId, wakeUpAt, resync, pms, occurredAt);
    }

    public RoomEvent withEquipment(Integer cos, Boolean dnd, Boolean lamp) {
        return new RoomEvent(seq, type, room, extension, reservation, guestName, language, shared, oldRoom, oldExtension,
                cos, dnd, lamp, wakeUpId, wakeUpAt, resync, pms, occurredAt);
    }

    public RoomEvent withWakeUp(Long id, LocalDateTime at) {
        return new RoomEvent(seq, type, room, extension, reservation, guestName, language, shared, oldRoom, oldExtension,
                classOfService, doNotDisturb, messageLamp, id, at, resync, pms, occurredAt);
    }
}
