package io.switchboard.pms.fias;

import static io.switchboard.pms.fias.FiasCodes.FIELD_LIST;
import static io.switchboard.pms.fias.FiasCodes.RECORD_ID;

import io.switchboard.pms.fias.FiasFormatException.Reason;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builders for the link-control records and the other records that carry only {@code DA}/{@code
 * TI}: LS, LD, LR, LA, LE, DR/DS/DE, NS/NE.
 *
 * <p>Handshake, PBX side (the hub): on every {@code LS} from the PMS send {@link #handshake}: one
 * {@code LD}, one {@code LR} per record type used, then {@code LA}; the PMS answers {@code LA}.
 */
public final class FiasLinkRecords {

    private FiasLinkRecords() {}

    /** {@code <type>|DA<yymmdd>|TI<hhmmss>|}, e.g. {@code LS}, {@code LA}, {@code LE}, {@code DR}, {@code NS}. */
    public static FiasRecord stamped(String type, LocalDateTime at) {
        return FiasRecord.builder(type).stamp(at).build();
    }

    public static FiasRecord linkStart(LocalDateTime at) {
        return stamped(FiasCodes.LINK_START, at);
    }

    public static FiasRecord linkAlive(LocalDateTime at) {
        return stamped(FiasCodes.LINK_ALIVE, at);
    }

    public static FiasRecord linkEnd(LocalDateTime at) {
        return stamped(FiasCodes.LINK_END, at);
    }

    /** {@code DR}: ask the PMS to replay its guests (it answers DS, GI…SF, DE). */
    public static FiasRecord databaseResyncRequest(LocalDateTime at) {
        return stamped(FiasCodes.DATABASE_RESYNC_REQUEST, at);
    }

    /** {@code LD|DA..|TI..|V#<version>|IFPB|}: the PBX side describes itself. */
    public static FiasRecord linkDescription(LocalDateTime at, String version) {
        return FiasRecord.builder(FiasCodes.LINK_DESCRIPTION)
                .stamp(at)
                .field(FiasCodes.VERSION, version)
                .field(FiasCodes.INTERFACE_FAMILY, FiasCodes.FAMILY_PBX)
                .build();
    }

    /** {@code LR|RI<type>|FL<codes run together>|}, e.g. {@code LR|RIPS|FLRNPTTADDDUDATIP#|}. */
    public static FiasRecord linkRecord(String recordType, List<String> fieldCodes) {
        if (!FiasRecord.isType(recordType)) {
            throw new FiasFormatException(
                    Reason.BAD_RECORD_TYPE, "LR needs a 2-letter record type, got " + FiasField.describe(recordType));
        }
        if (fieldCodes.isEmpty()) {
            throw new FiasFormatException(Reason.BAD_VALUE, "LR for " + recordType + " needs at least one field code");
        }
        StringBuilder list = new StringBuilder(fieldCodes.size() * 2);
        for (String code : fieldCodes) {
            FiasField.checkCode(code);
            list.append(code);
        }
        return FiasRecord.of(FiasCodes.LINK_RECORD, RECORD_ID, recordType, FIELD_LIST, list.toString());
    }

    /** The whole PBX-side answer to an LS: LD, one LR per entry (in map order), LA. */
    public static List<FiasRecord> handshake(LocalDateTime at, String version, Map<String, List<String>> recordFields) {
        List<FiasRecord> records = new ArrayList<>(recordFields.size() + 2);
        records.add(linkDescription(at, version));
        recordFields.forEach((type, codes) -> records.add(linkRecord(type, codes)));
        records.add(linkAlive(at));
        return records;
    }

    /** What an LR announces: a record type and its field codes. */
    public record LinkRecord(String recordType, List<String> fieldCodes) {

        public LinkRecord {
            fieldCodes = List.copyOf(fieldCodes);
        }

        public static LinkRecord from(FiasRecord record) {
            record.expectType(FiasCodes.LINK_RECORD);
            String type = record.require(RECORD_ID);
            if (!FiasRecord.isType(type)) {
                throw new FiasFormatException(Reason.BAD_VALUE, "LR field RI is not a 2-letter record type");
            }
            String list = record.require(FIELD_LIST);
            if (list.isEmpty() || list.length() % 2 != 0) {
                throw new FiasFormatException(
                        Reason.BAD_VALUE, "LR field FL must be 2-character codes run together, got " + list.length()
                                + " characters");
            }
            List<String> codes = new ArrayList<>(list.length() / 2);
            for (int i = 0; i < list.length(); i += 2) {
                String code = list.substring(i, i + 2);
                if (!FiasField.isCode(code)) {
                    throw new FiasFormatException(
                            Reason.BAD_VALUE, "LR field FL has an invalid code " + FiasField.describe(code));
                }
                codes.add(code);
            }
            return new LinkRecord(type, codes);
        }

        public FiasRecord toRecord() {
            return linkRecord(recordType, fieldCodes);
        }
    }
}
