package io.switchboard.pms.fias;

import static io.switchboard.pms.fias.FiasCodes.ANSWER_STATUS;
import static io.switchboard.pms.fias.FiasCodes.DATE;
import static io.switchboard.pms.fias.FiasCodes.ROOM;
import static io.switchboard.pms.fias.FiasCodes.TIME;

import io.switchboard.pms.fias.FiasFormatException.Reason;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;

/**
 * Wake-up records, both directions: {@code WR} set, {@code WC} clear, {@code WA} the one final
 * result of a wake-up call ({@code AS} = OK, BY busy, NR no answer).
 *
 * @param kind WR, WC or WA
 * @param room RN
 * @param date DA, null when absent (some PMS send only the time)
 * @param time TI, the wake-up time
 * @param status AS, only for WA
 */
public record FiasWakeUp(Kind kind, String room, LocalDate date, LocalTime time, String status) {

    public static final String ANSWERED = "OK";
    public static final String BUSY = "BY";
    public static final String NO_ANSWER = "NR";

    public enum Kind {
        SET(FiasCodes.WAKEUP_REQUEST),
        CLEAR(FiasCodes.WAKEUP_CLEAR),
        ANSWER(FiasCodes.WAKEUP_ANSWER);

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
                            Reason.WRONG_RECORD_TYPE, "expected a WR, WC or WA record, got " + recordType));
        }
    }

    public FiasWakeUp {
        if (kind == null || room == null || room.isEmpty() || time == null) {
            throw new FiasFormatException(Reason.MISSING_FIELD, "a wake-up record needs a room (RN) and a time (TI)");
        }
        if ((kind == Kind.ANSWER) != (status != null)) {
            throw new FiasFormatException(Reason.BAD_VALUE, "only a WA carries a status (AS)");
        }
    }

    public static FiasWakeUp set(String room, LocalDate date, LocalTime time) {
        return new FiasWakeUp(Kind.SET, room, date, time, null);
    }

    public static FiasWakeUp clear(String room, LocalDate date, LocalTime time) {
        return new FiasWakeUp(Kind.CLEAR, room, date, time, null);
    }

    public static FiasWakeUp answer(String room, LocalDate date, LocalTime time, String status) {
        return new FiasWakeUp(Kind.ANSWER, room, date, time, status);
    }

    public static FiasWakeUp from(FiasRecord record) {
        Kind kind = Kind.of(record.type());
        return new FiasWakeUp(
                kind,
                record.require(ROOM),
                record.date(DATE).orElse(null),
                record.time(TIME)
                        .orElseThrow(() -> new FiasFormatException(
                                Reason.MISSING_FIELD, "record " + record.type() + " has no time (TI)")),
                kind == Kind.ANSWER ? record.require(ANSWER_STATUS) : null);
    }

    /** The record, fields in the order RN, DA, TI, AS. */
    public FiasRecord toRecord() {
        return FiasRecord.builder(kind.recordType())
                .field(ROOM, room)
                .fieldIfPresent(DATE, date == null ? null : FiasValues.formatDate(date))
                .field(TIME, FiasValues.formatTime(time))
                .fieldIfPresent(ANSWER_STATUS, status)
                .build();
    }
}
