package io.switchboard.pms.room;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The room ↔ extension ↔ guest index in the journal ({@code pms_guests}, {@code pms_room_state}).
 * A room holds one row per reservation; a reservation id the PMS does not send is stored as ''.
 * Written by one thread (the PMS link); read by anyone (charges, screen pops).
 */
@Repository
public class RoomIndex {

    private static final String COLUMNS = "room, reservation, extension, guest_name, language, shared, checked_in_at";

    private final NamedParameterJdbcTemplate jdbc;

    public RoomIndex(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds or refreshes a guest (a GI repeated or replayed in a resync updates the row). */
    public void checkIn(Guest guest, Instant now) {
        MapSqlParameterSource p = new MapSqlParameterSource("room", guest.room())
                .addValue("res", key(guest.reservation()))
                .addValue("ext", guest.extension())
                .addValue("name", guest.guestName())
                .addValue("lang", guest.language())
                .addValue("shared", guest.shared())
                .addValue("now", utc(now));
        int updated = jdbc.update("UPDATE pms_guests SET extension = :ext, guest_name = :name, language = :lang,"
                + " shared = :shared, updated_at = :now WHERE room = :room AND reservation = :res", p);
        if (updated == 0) {
            jdbc.update("INSERT INTO pms_guests (" + COLUMNS + ", updated_at) VALUES (:room, :res, :ext, :name, :lang,"
                    + " :shared, :now, :now)", p);
        }
    }

    /** Removes one reservation from the room, or every guest of the room when {@code reservation} is null. */
    public List<Guest> checkOut(String room, String reservation) {
        List<Guest> leaving = select(room, reservation);
        MapSqlParameterSource p = new MapSqlParameterSource("room", room).addValue("res", key(reservation));
        jdbc.update("DELETE FROM pms_guests WHERE room = :room" + (reservation == null ? "" : " AND reservation = :res"), p);
        return leaving;
    }

    /** Moves one reservation (or every guest when null) from {@code oldRoom} to {@code room}; returns who moved. */
    public List<Guest> move(String oldRoom, String room, String extension, String reservation, Instant now) {
        List<Guest> moving = select(oldRoom, reservation);
        for (Guest g : moving) {
            jdbc.update("DELETE FROM pms_guests WHERE room = :room AND reservation = :res",
                    new MapSqlParameterSource("room", oldRoom).addValue("res", g.reservation()));
            checkIn(new Guest(room, g.reservation(), extension, g.guestName(), g.language(), g.shared(), g.checkedInAt()), now);
        }
        return moving;
    }

    /** Applies a GC: the fields given (non-null) replace the stored ones. */
    public void change(String room, String reservation, String name, String language, Boolean shared, Instant now) {
        jdbc.update("UPDATE pms_guests SET guest_name = COALESCE(:name, guest_name), language = COALESCE(:lang, language),"
                        + " shared = COALESCE(:shared, shared), updated_at = :now WHERE room = :room"
                        + (reservation == null ? "" : " AND reservation = :res"),
                new MapSqlParameterSource("room", room)
                        .addValue("res", key(reservation))
                        .addValue("name", name)
                        .addValue("lang", language)
                        .addValue("shared", shared)
                        .addValue("now", utc(now)));
    }

    /** Guests of a room, oldest check-in first. */
    public List<Guest> guests(String room) {
        return select(room, null);
    }

    public List<Guest> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM pms_guests ORDER BY room, checked_in_at", RoomIndex::row);
    }

    /** Guests not confirmed since {@code since} (not replayed during a resync): removed, and returned. */
    public List<Guest> removeStale(Instant since) {
        MapSqlParameterSource p = new MapSqlParameterSource("since", utc(since));
        List<Guest> stale = jdbc.query("SELECT " + COLUMNS + " FROM pms_guests WHERE updated_at < :since", p, RoomIndex::row);
        jdbc.update("DELETE FROM pms_guests WHERE updated_at < :since", p);
        return stale;
    }

    /** Stores the room equipment the PMS set (RE); values not sent keep their previous state. */
    public void equipment(String room, String extension, Integer cos, Boolean dnd, Boolean lamp, Instant now) {
        MapSqlParameterSource p = new MapSqlParameterSource("room", room)
                .addValue("ext", extension)
                .addValue("cos", cos)
                .addValue("dnd", dnd)
                .addValue("lamp", lamp)
                .addValue("now", utc(now));
        int updated = jdbc.update("UPDATE pms_room_state SET extension = :ext, class_of_service = COALESCE(:cos,"
                + " class_of_service), do_not_disturb = COALESCE(:dnd, do_not_disturb), message_lamp = COALESCE(:lamp,"
                + " message_lamp), updated_at = :now WHERE room = :room", p);
        if (updated == 0) {
            jdbc.update("INSERT INTO pms_room_state (room, extension, class_of_service, do_not_disturb, message_lamp,"
                    + " updated_at) VALUES (:room, :ext, :cos, :dnd, :lamp, :now)", p);
        }
    }

    private List<Guest> select(String room, String reservation) {
        return jdbc.query("SELECT " + COLUMNS + " FROM pms_guests WHERE room = :room"
                        + (reservation == null ? "" : " AND reservation = :res") + " ORDER BY checked_in_at, reservation",
                new MapSqlParameterSource("room", room).addValue("res", key(reservation)), RoomIndex::row);
    }

    private static String key(String reservation) {
        return reservation == null ? "" : reservation;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Guest row(ResultSet rs, int n) throws SQLException {
        String reservation = rs.getString("reservation");
        return new Guest(rs.getString("room"), reservation.isEmpty() ? null : reservation, rs.getString("extension"),
                rs.getString("guest_name"), rs.getString("language"), rs.getBoolean("shared"),
                rs.getObject("checked_in_at", OffsetDateTime.class).toInstant());
    }
}
