package io.switchboard.pms.fias;

import static io.switchboard.pms.fias.FiasCodes.DIALLED_DIGITS;
import static io.switchboard.pms.fias.FiasCodes.DURATION;
import static io.switchboard.pms.fias.FiasCodes.POSTING_SEQUENCE;
import static io.switchboard.pms.fias.FiasCodes.POSTING_TYPE;
import static io.switchboard.pms.fias.FiasCodes.ROOM;
import static io.switchboard.pms.fias.FiasCodes.TOTAL_AMOUNT;

import io.switchboard.pms.fias.FiasFormatException.Reason;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;

/**
 * A {@code PS} posting (PBX → PMS), answered by one {@code PA} with the same {@code P#}. Only one
 * PS may be outstanding on a link.
 *
 * @param room RN
 * @param type PT
 * @param amount TA, required for {@link Type#DIRECT_CHARGE} and {@link Type#MINIBAR}
 * @param duration DU, required for {@link Type#PMS_PRICED}
 * @param dialledDigits DD, required for {@link Type#PMS_PRICED}
 * @param sequence P#, 1..99999999
 * @param start DA + TI, the call start
 */
public record FiasPosting(
        String room,
        Type type,
        BigDecimal amount,
        Duration duration,
        String dialledDigits,
        long sequence,
        LocalDateTime start) {

    public static final long MAX_SEQUENCE = 99_999_999L;

    /** Posting type (PT). */
    public enum Type {
        /** C: the hub priced the call, TA is the charge. */
        DIRECT_CHARGE("C"),
        /** T: the PMS prices the call from DU and DD. */
        PMS_PRICED("T"),
        /** M: minibar. */
        MINIBAR("M");

        private final String code;

        Type(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Type of(String code) {
            return Arrays.stream(values())
                    .filter(t -> t.code.equals(code))
                    .findFirst()
                    .orElseThrow(() -> new FiasFormatException(
                            Reason.BAD_VALUE, "field PT must be C, T or M, got " + FiasField.describe(code)));
        }
    }

    public FiasPosting {
        if (room == null || room.isEmpty()) {
            throw new FiasFormatException(Reason.MISSING_FIELD, "a posting needs a room (RN)");
        }
        if (type == null || start == null) {
            throw new FiasFormatException(Reason.MISSING_FIELD, "a posting needs a type (PT) and a start (DA/TI)");
        }
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new FiasFormatException(Reason.BAD_VALUE, "posting sequence P# must be 1..99999999, got " + sequence);
        }
        if (type != Type.PMS_PRICED && amount == null) {
            throw new FiasFormatException(Reason.MISSING_FIELD, "a PT" + type.code() + " posting needs an amount (TA)");
        }
        if (type == Type.PMS_PRICED && (duration == null || dialledDigits == null)) {
            throw new FiasFormatException(
                    Reason.MISSING_FIELD, "a PTT posting needs a duration (DU) and dialled digits (DD)");
        }
    }

    /** A hub-priced call: {@code PS|RN..|PTC|TA..|[DU..|]DA..|TI..|P#..|DD..|}. */
    public static FiasPosting directCharge(
            String room, BigDecimal amount, Duration duration, String dialledDigits, long sequence, LocalDateTime start) {
        return new FiasPosting(room, Type.DIRECT_CHARGE, amount, duration, dialledDigits, sequence, start);
    }

    /** The sequence after {@code sequence}: 99999999 wraps to 1. */
    public static long nextSequence(long sequence) {
        return sequence >= MAX_SEQUENCE ? 1 : sequence + 1;
    }

    /** The PS record; fields in the order RN, PT, TA, DU, DA, TI, P#, DD (absent ones left out). */
    public FiasRecord toRecord(int decimals) {
        return FiasRecord.builder(FiasCodes.POSTING_SIMPLE)
                .field(ROOM, room)
                .field(POSTING_TYPE, type.code())
                .fieldIfPresent(TOTAL_AMOUNT, amount == null ? null : FiasValues.formatAmount(amount, decimals))
                .fieldIfPresent(DURATION, duration == null ? null : FiasValues.formatDuration(duration))
                .stamp(start)
                .field(POSTING_SEQUENCE, Long.toString(sequence))
                .fieldIfPresent(DIALLED_DIGITS, dialledDigits)
                .build();
    }

    /** Reads a PS (the simulator's side); fields in any order. */
    public static FiasPosting from(FiasRecord record, int decimals) {
        record.expectType(FiasCodes.POSTING_SIMPLE);
        return new FiasPosting(
                record.require(ROOM),
                Type.of(record.require(POSTING_TYPE)),
                record.amount(TOTAL_AMOUNT, decimals).orElse(null),
                record.duration(DURATION).orElse(null),
                record.nonEmpty(DIALLED_DIGITS).orElse(null),
                sequence(record),
                record.stamp()
                        .orElseThrow(() -> new FiasFormatException(
                                Reason.MISSING_FIELD, "record PS has no call start (DA and TI)")));
    }

    static long sequence(FiasRecord record) {
        String value = record.require(POSTING_SEQUENCE);
        if (!value.matches("[0-9]{1,8}")) {
            throw new FiasFormatException(Reason.BAD_VALUE, "field P# must be 1 to 8 digits, got " + value.length()
                    + " characters");
        }
        return Long.parseLong(value);
    }
}
