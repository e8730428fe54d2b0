package io.switchboard.pms.fias;

import static io.switchboard.pms.fias.FiasCodes.CLASS_OF_SERVICE;
import static io.switchboard.pms.fias.FiasCodes.DO_NOT_DISTURB;
import static io.switchboard.pms.fias.FiasCodes.MAID_STATUS;
import static io.switchboard.pms.fias.FiasCodes.MESSAGE_LAMP;
import static io.switchboard.pms.fias.FiasCodes.ROOM;

import io.switchboard.pms.fias.FiasFormatException.Reason;

/**
 * {@code RE} room equipment. From the PMS: class of service, do-not-disturb, message lamp; to the
 * PMS: maid status dialled on the room phone. Absent fields are null.
 *
 * @param room RN
 * @param classOfService CS 0..3 (0 barred … 3 unrestricted)
 * @param doNotDisturb DN Y/N
 * @param messageLamp ML Y/N
 * @param maidStatus RS, the PMS's room status code (digits, site-defined)
 */
public record FiasRoomEquipment(
        String room, Integer classOfService, Boolean doNotDisturb, Boolean messageLamp, String maidStatus) {

    public FiasRoomEquipment {
        if (room == null || room.isEmpty()) {
            throw new FiasFormatException(Reason.MISSING_FIELD, "an RE record needs a room (RN)");
        }
        if (classOfService != null && (classOfService < 0 || classOfService > 3)) {
            throw new FiasFormatException(Reason.BAD_VALUE, "field CS must be 0..3, got " + classOfService);
        }
    }

    /** {@code RE|RN<room>|RS<status>|}: maid status from the room phone, to the PMS. */
    public static FiasRoomEquipment maidStatus(String room, String status) {
        return new FiasRoomEquipment(room, null, null, null, status);
    }

    public static FiasRoomEquipment from(FiasRecord record) {
        record.expectType(FiasCodes.ROOM_EQUIPMENT);
        return new FiasRoomEquipment(
                record.require(ROOM),
                record.nonEmpty(CLASS_OF_SERVICE).map(FiasRoomEquipment::classOfService).orElse(null),
                record.nonEmpty(DO_NOT_DISTURB).map(v -> FiasValues.parseFlag(DO_NOT_DISTURB, v)).orElse(null),
                record.nonEmpty(MESSAGE_LAMP).map(v -> FiasValues.parseFlag(MESSAGE_LAMP, v)).orElse(null),
                record.nonEmpty(MAID_STATUS).orElse(null));
    }

    private static int classOfService(String value) {
        if (!value.matches("[0-3]")) {
            throw new FiasFormatException(Reason.BAD_VALUE, "field CS must be 0..3, got " + FiasField.describe(value));
        }
        return Integer.parseInt(value);
    }

    /** The record, fields in the order RN, CS, DN, ML, RS (absent ones left out). */
    public FiasRecord toRecord() {
        return FiasRecord.builder(FiasCodes.ROOM_EQUIPMENT)
                .field(ROOM, room)
                .fieldIfPresent(CLASS_OF_SERVICE, classOfService)
                .fieldIfPresent(DO_NOT_DISTURB, doNotDisturb == null ? null : FiasValues.formatFlag(doNotDisturb))
                .fieldIfPresent(MESSAGE_LAMP, messageLamp == null ? null : FiasValues.formatFlag(messageLamp))
                .fieldIfPresent(MAID_STATUS, maidStatus)
                .build();
    }
}
