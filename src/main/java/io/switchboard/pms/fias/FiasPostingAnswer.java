package io.switchboard.pms.fias;

import static io.switchboard.pms.fias.FiasCodes.ANSWER_STATUS;
import static io.switchboard.pms.fias.FiasCodes.POSTING_SEQUENCE;
import static io.switchboard.pms.fias.FiasCodes.ROOM;

import java.time.LocalDateTime;

/**
 * A {@code PA} posting answer (PMS → PBX), e.g. {@code PA|RN2781|ASOK|P#1729|DA250115|TI123545|}.
 *
 * @param room RN, or null when the PMS left it out
 * @param status AS: {@code OK}, or a refusal code of the PMS (e.g. {@code NG}, {@code UR}, {@code NP})
 * @param sequence P# of the answered posting, or null when the PMS left it out
 * @param stamp DA + TI, or null when absent
 */
public record FiasPostingAnswer(String room, String status, Long sequence, LocalDateTime stamp) {

    public static final String OK = "OK";

    public boolean ok() {
        return OK.equals(status);
    }

    /** Whether this answers the posting with this sequence number (a PA without P# answers the outstanding one). */
    public boolean answers(long postingSequence) {
        return sequence == null || sequence == postingSequence;
    }

    public static FiasPostingAnswer from(FiasRecord record) {
        record.expectType(FiasCodes.POSTING_ANSWER);
        return new FiasPostingAnswer(
                record.nonEmpty(ROOM).orElse(null),
                record.require(ANSWER_STATUS),
                record.has(POSTING_SEQUENCE) ? FiasPosting.sequence(record) : null,
                record.stamp().orElse(null));
    }

    /** The answer a PMS gives to {@code posting}: same RN, P#, DA and TI. */
    public static FiasPostingAnswer answering(FiasPosting posting, String status) {
        return new FiasPostingAnswer(posting.room(), status, posting.sequence(), posting.start());
    }

    /** The PA record, fields in the order RN, AS, P#, DA, TI. */
    public FiasRecord toRecord() {
        FiasRecord.Builder builder = FiasRecord.builder(FiasCodes.POSTING_ANSWER)
                .fieldIfPresent(ROOM, room)
                .field(ANSWER_STATUS, status)
                .fieldIfPresent(POSTING_SEQUENCE, sequence);
        if (stamp != null) {
            builder.stamp(stamp);
        }
        return builder.build();
    }
}
