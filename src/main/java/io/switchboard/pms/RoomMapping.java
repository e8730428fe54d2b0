package io.switchboard.pms;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Room number ↔ phone extension, as configured under {@code switchboard.pms.rooms}: the same
 * number, a prefix (room 781 ↔ extension 2781 with prefix "2"), or an explicit table.
 */
public final class RoomMapping {

    public enum Mode {
        SAME,
        PREFIX,
        TABLE
    }

    private final Mode mode;
    private final String prefix;
    private final Map<String, String> roomToExtension;
    private final Map<String, String> extensionToRoom;

    public RoomMapping(Mode mode, String prefix, Map<String, String> table) {
        this.mode = mode;
        this.prefix = prefix == null ? "" : prefix;
        this.roomToExtension = Map.copyOf(table);
        this.extensionToRoom = table.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey, (a, b) -> {
                    throw new IllegalArgumentException("switchboard.pms.rooms.table maps rooms " + a + " and " + b + " to the same extension");
                }));
        if (mode == Mode.PREFIX && this.prefix.isEmpty()) {
            throw new IllegalArgumentException("switchboard.pms.rooms.prefix is required with mapping PREFIX");
        }
    }

    public static RoomMapping of(PmsProperties.Rooms rooms) {
        return new RoomMapping(rooms.mapping(), rooms.prefix(), rooms.table());
    }

    /** The extension of a room's phone, if the room has one. */
    public Optional<String> extension(String room) {
        if (room == null || room.isEmpty()) {
            return Optional.empty();
        }
        return switch (mode) {
            case SAME -> Optional.of(room);
            case PREFIX -> Optional.of(prefix + room);
            case TABLE -> Optional.ofNullable(roomToExtension.get(room));
        };
    }

    /** The room an extension belongs to, if it is a room phone. */
    public Optional<String> room(String extension) {
        if (extension == null || extension.isEmpty()) {
            return Optional.empty();
        }
        return switch (mode) {
            case SAME -> Optional.of(extension);
            case PREFIX -> extension.startsWith(prefix) && extension.length() > prefix.length()
                    ? Optional.of(extension.substring(prefix.length()))
                    : Optional.empty();
            case TABLE -> Optional.ofNullable(extensionToRoom.get(extension));
        };
    }
}
