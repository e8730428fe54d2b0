package io.switchboard.pms.fias;

import io.switchboard.pms.RoomMapping;
import io.switchboard.pms.room.Guest;
import io.switchboard.pms.room.RoomEvent;
import io.switchboard.pms.room.RoomEventType;
import io.switchboard.pms.room.RoomEvents;
import io.switchboard.pms.room.RoomIndex;
import io.switchboard.pms.room.WakeUps;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies what the PMS tells the phone system: GI / GO / GC maintain the room index, RE the room
 * state, WR / WC the wake-ups, DS … DE resynchronise the index, NS / NE mark the night audit;
 * each becomes a canonical {@link RoomEvent} in the journal for routes to consume. Runs on the
 * link thread, one record at a time.
 */
public final class FiasInbound {

    private static final Logger LOG = LoggerFactory.getLogger(FiasInbound.class);

    private final RoomIndex index;
    private final RoomEvents events;
    private final WakeUps wakeUps;
    private final RoomMapping mapping;
    private final ZoneId zone;
    private final Clock clock;
    private Instant resyncStartedAt;

    public FiasInbound(RoomIndex index, RoomEvents events, WakeUps wakeUps, RoomMapping mapping, ZoneId zone, Clock clock) {
        this.index = index;
        this.events = events;
        this.wakeUps = wakeUps;
        this.mapping = mapping;
        this.zone = zone;
        this.clock = clock;
    }

    /**
     * Applies one record from the PMS.
     *
     * @return false for record types the hub does not use (guest messages …)
     * @throws FiasFormatException when a record the hub uses lacks a field or has a bad value
     */
    public boolean apply(FiasRecord record) {
        switch (record.type()) {
            case FiasCodes.GUEST_IN, FiasCodes.GUEST_OUT, FiasCodes.GUEST_CHANGE -> guest(FiasGuestEvent.from(record));
            case FiasCodes.ROOM_EQUIPMENT -> equipment(FiasRoomEquipment.from(record));
            case FiasCodes.WAKEUP_REQUEST, FiasCodes.WAKEUP_CLEAR -> wakeUp(record, FiasWakeUp.from(record));
            case FiasCodes.DATABASE_RESYNC_START -> resyncStart();
            case FiasCodes.DATABASE_RESYNC_END -> resyncEnd();
            case FiasCodes.NIGHT_AUDIT_START -> append(RoomEvent.of(RoomEventType.NIGHT_AUDIT_START, null, null, now()));
            case FiasCodes.NIGHT_AUDIT_END -> append(RoomEvent.of(RoomEventType.NIGHT_AUDIT_END, null, null, now()));
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A new link starts: a resync left unfinished by a drop is abandoned (nothing is removed). */
    void linkRestarted() {
        resyncStartedAt = null;
    }

    private void guest(FiasGuestEvent gi) {
        Instant now = now();
        String extension = extension(gi.room());
        switch (gi.kind()) {
            case CHECK_IN -> {
                index.checkIn(new Guest(gi.room(), gi.reservation(), extension, gi.name(), gi.language(),
                        Boolean.TRUE.equals(gi.shared()), now), now);
                append(RoomEvent.of(RoomEventType.CHECK_IN, gi.room(), extension, now)
                        .withGuest(gi.reservation(), gi.name(), gi.language(), gi.shared(), gi.resync()));
            }
            case CHECK_OUT -> {
                List<Guest> leaving = index.checkOut(gi.room(), gi.reservation());
                if (leaving.isEmpty()) {
                    append(RoomEvent.of(RoomEventType.CHECK_OUT, gi.room(), extension, now)
                            .withGuest(gi.reservation(), gi.name(), null, gi.shared(), gi.resync()));
                }
                for (Guest g : leaving) {
                    append(RoomEvent.of(RoomEventType.CHECK_OUT, gi.room(), extension, now)
                            .withGuest(g.reservation(), g.guestName(), g.language(), g.shared(), gi.resync()));
                }
            }
            case CHANGE -> change(gi, extension, now);
        }
    }

    private void change(FiasGuestEvent gc, String extension, Instant now) {
        if (gc.oldRoom() != null && !gc.oldRoom().equals(gc.room())) {
            List<Guest> moved = index.move(gc.oldRoom(), gc.room(), extension, gc.reservation(), now);
            index.change(gc.room(), gc.reservation(), gc.name(), gc.language(), gc.shared(), now);
            Guest g = moved.isEmpty() ? null : moved.get(0);
            append(RoomEvent.of(RoomEventType.ROOM_MOVE, gc.room(), extension, now)
                    .withGuest(gc.reservation() != null ? gc.reservation() : g == null ? null : g.reservation(),
                            gc.name() != null ? gc.name() : g == null ? null : g.guestName(),
                            gc.language() != null ? gc.language() : g == null ? null : g.language(),
                            gc.shared(), false)
                    .withMove(gc.oldRoom(), extension(gc.oldRoom())));
            return;
        }
        index.change(gc.room(), gc.reservation(), gc.name(), gc.language(), gc.shared(), now);
        append(RoomEvent.of(RoomEventType.GUEST_CHANGE, gc.room(), extension, now)
                .withGuest(gc.reservation(), gc.name(), gc.language(), gc.shared(), false));
    }

    private void equipment(FiasRoomEquipment re) {
        Instant now = now();
        String extension = extension(re.room());
        if (re.classOfService() == null && re.doNotDisturb() == null && re.messageLamp() == null) {
            LOG.info("FIAS: RE for room {} carries no CS, DN or ML; nothing to apply", re.room());
            return;
        }
        index.equipment(re.room(), extension, re.classOfService(), re.doNotDisturb(), re.messageLamp(), now);
        append(RoomEvent.of(RoomEventType.ROOM_EQUIPMENT, re.room(), extension, now)
                .withEquipment(re.classOfService(), re.doNotDisturb(), re.messageLamp()));
    }

    private void wakeUp(FiasRecord record, FiasWakeUp wr) {
        Instant now = now();
        String extension = extension(wr.room());
        String rawDate = record.nonEmpty(FiasCodes.DATE).orElse(null);
        String rawTime = record.require(FiasCodes.TIME);
        LocalDateTime at = wakeTime(wr.date(), wr);
        if (wr.kind() == FiasWakeUp.Kind.SET) {
            long id = wakeUps.request(wr.room(), extension, rawDate, rawTime, at.atZone(zone).toInstant(), now);
            append(RoomEvent.of(RoomEventType.WAKE_UP_SET, wr.room(), extension, now).withWakeUp(id, at));
            return;
        }
        List<Long> cleared = wakeUps.clear(wr.room(), rawTime);
        append(RoomEvent.of(RoomEventType.WAKE_UP_CLEAR, wr.room(), extension, now)
                .withWakeUp(cleared.isEmpty() ? null : cleared.get(0), at));
    }

    /** DA + TI in hotel time; without DA the next occurrence of TI. */
    private LocalDateTime wakeTime(LocalDate date, FiasWakeUp wr) {
        if (date != null) {
            return LocalDateTime.of(date, wr.time());
        }
        LocalDateTime today = LocalDateTime.of(LocalDate.now(clock.withZone(zone)), wr.time());
        return today.isBefore(LocalDateTime.now(clock.withZone(zone))) ? today.plusDays(1) : today;
    }

    private void resyncStart() {
        resyncStartedAt = now();
        append(RoomEvent.of(RoomEventType.RESYNC_START, null, null, resyncStartedAt));
    }

    private void resyncEnd() {
        Instant now = now();
        if (resyncStartedAt != null) {
            for (Guest g : index.removeStale(resyncStartedAt)) {
                append(RoomEvent.of(RoomEventType.CHECK_OUT, g.room(), g.extension(), now)
                        .withGuest(g.reservation(), g.guestName(), g.language(), g.shared(), true));
            }
        } else {
            LOG.warn("FIAS: DE without DS; the index is left as it is");
        }
        resyncStartedAt = null;
        append(RoomEvent.of(RoomEventType.RESYNC_END, null, null, now));
    }

    private String extension(String room) {
        return mapping.extension(room).orElse("");
    }

    private void append(RoomEvent event) {
        events.append(event);
    }

    private Instant now() {
        return clock.instant();
    }
}
