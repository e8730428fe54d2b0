package io.switchboard.pms.fias;

import static io.switchboard.pms.fias.FiasCodes.GUEST_LANGUAGE;
import static io.switchboard.pms.fias.FiasCodes.GUEST_NAME;
import static io.switchboard.pms.fias.FiasCodes.GUEST_SHARED;
import static io.switchboard.pms.fias.FiasCodes.OLD_ROOM;
import static io.switchboard.pms.fias.FiasCodes.RESERVATION;
import static io.switchboard.pms.fias.FiasCodes.ROOM;
import static io.switchboard.pms.fias.FiasCodes.SYNC_FLAG;

import io.switchboard.pms.fias.FiasFormatException.Reason;
import java.util.Arrays;

/**
 * A guest check-in, check-out or change from the PMS: {@code GI}, {@code GO}, {@code GC}. Absent
 * and empty fields read as null (a GC carries only what changed).
 *
 * @param kind GI, GO or GC
 * @param room RN (on a move: the new room)
 * @param reservation G#
 * @param name GN, as the PMS wrote it (e.g. {@code Müller, Jürgen})
 * @param language GL, a FIAS code such as EA, GE, SP (not ISO 639)
 * @param shared GS Y/N, null when absent
 * @param oldRoom RO, the room the guest moved from (GC)
 * @param resync SF present: a GI replayed between DS and DE
 */
public record FiasGuestEvent(
        Kind kind,
        String room,
        String reservation,
        String name,
        String language,
        Boolean shared,
        String oldRoom,
        boolean resync) {

    public enum Kind {
        CHECK_IN(FiasCodes.GUEST_IN),
        CHECK_OUT(FiasCodes.GUEST_OUT),
        CHANGE(FiasCodes.GUEST_CHANGE);

        private final String recordType;

        Kind(String recordType) {
            this.recordType = recordType;
        }

        public String recordType() {
            return recordType;
        }

        public static Kind of(String recordType) {
            return Arrays.stream(values())
                    .filter(k -> k.recordType.equals(recordType))
                    .findFirst()
                    .orElseThrow(() -> new FiasFormatException(
                            Reason.WRONG_RECORD_TYPE, "expected a GI, GO or GC record, got " + recordType));
        }
    }

    public FiasGuestEvent {
        if (kind == null || room == null || room.isEmpty()) {
            throw new FiasFormatException(Reason.MISSING_FIELD, "a guest event needs a kind and a room (RN)");
        }
    }

    public static FiasGuestEvent from(FiasRecord record) {
        Kind kind = Kind.of(record.type());
        return new FiasGuestEvent(
                kind,
                record.require(ROOM),
                record.nonEmpty(RESERVATION).orElse(null),
                record.nonEmpty(GUEST_NAME).orElse(null),
                record.nonEmpty(GUEST_LANGUAGE).orElse(null),
                record.nonEmpty(GUEST_SHARED)
                        .map(v -> FiasValues.parseFlag(GUEST_SHARED, v))
                        .orElse(null),
                record.nonEmpty(OLD_ROOM).orElse(null),
                record.has(SYNC_FLAG));
    }

    /** The record, fields in the order RN, G#, GN, GL, GS, RO, SF (absent ones left out). */
    public FiasRecord toRecord() {
        FiasRecord.Builder builder = FiasRecord.builder(kind.recordType())
                .field(ROOM, room)
                .fieldIfPresent(RESERVATION, reservation)
                .fieldIfPresent(GUEST_NAME, name)
                .fieldIfPresent(GUEST_LANGUAGE, language)
                .fieldIfPresent(GUEST_SHARED, shared == null ? null : FiasValues.formatFlag(shared))
                .fieldIfPresent(OLD_ROOM, oldRoom);
        return resync ? builder.field(SYNC_FLAG, "").build() : builder.build();
    }
}
