package io.switchboard.pms.fias;

/**
 * Record types and field codes of the FIAS PBX interface that Switchboard reads or writes. Other
 * codes are legal on the wire and kept by {@link FiasRecord}; they just have no constant here.
 */
public final class FiasCodes {

    // --- record types: link control -------------------------------------------------------
    /** Link start, sent by either side; answered by the whole handshake LD, LR…, LA. */
    public static final String LINK_START = "LS";
    /** Link description from the PBX side: DA, TI, V# version, IF interface family (PB). */
    public static final String LINK_DESCRIPTION = "LD";
    /** Link record: RI record type the PBX side uses, FL its field codes run together. */
    public static final String LINK_RECORD = "LR";
    /** Link alive: ends the handshake; later a keep-alive. */
    public static final String LINK_ALIVE = "LA";
    /** Link end: the sender stops; hold postings until the link is back. */
    public static final String LINK_END = "LE";

    // --- record types: data ------------------------------------------------------------------
    public static final String GUEST_IN = "GI";
    public static final String GUEST_OUT = "GO";
    public static final String GUEST_CHANGE = "GC";
    /** Room equipment: from the PMS CS/DN/ML; to the PMS RS maid status. */
    public static final String ROOM_EQUIPMENT = "RE";
    public static final String WAKEUP_REQUEST = "WR";
    public static final String WAKEUP_CLEAR = "WC";
    public static final String WAKEUP_ANSWER = "WA";
    public static final String POSTING_SIMPLE = "PS";
    public static final String POSTING_ANSWER = "PA";
    /** Database resync request (PBX → PMS), answered by DS, GI records with SF, then DE. */
    public static final String DATABASE_RESYNC_REQUEST = "DR";
    public static final String DATABASE_RESYNC_START = "DS";
    public static final String DATABASE_RESYNC_END = "DE";
    public static final String NIGHT_AUDIT_START = "NS";
    public static final String NIGHT_AUDIT_END = "NE";

    // --- field codes ---------------------------------------------------------------------------
    /** Date {@code YYMMDD}. */
    public static final String DATE = "DA";
    /** Time {@code HHMMSS}. */
    public static final String TIME = "TI";
    /** Interface version (LD). */
    public static final String VERSION = "V#";
    /** Interface family (LD): {@code PB} for a phone system. */
    public static final String INTERFACE_FAMILY = "IF";
    /** Record type described by an LR. */
    public static final String RECORD_ID = "RI";
    /** Field list of an LR: 2-character codes run together, e.g. {@code RNPTTADDDUDATIP#}. */
    public static final String FIELD_LIST = "FL";
    public static final String ROOM = "RN";
    /** Reservation number. */
    public static final String RESERVATION = "G#";
    public static final String GUEST_NAME = "GN";
    /** Guest language, a FIAS code such as EA, GE, SP (not ISO 639). */
    public static final String GUEST_LANGUAGE = "GL";
    /** Shared room flag Y/N. */
    public static final String GUEST_SHARED = "GS";
    /** Old room number on a room move (GC). */
    public static final String OLD_ROOM = "RO";
    /** Sync flag: marks a GI replayed during a database resync (DS … DE). */
    public static final String SYNC_FLAG = "SF";
    /** Class of service 0..3 (RE from the PMS). */
    public static final String CLASS_OF_SERVICE = "CS";
    /** Do not disturb Y/N (RE). */
    public static final String DO_NOT_DISTURB = "DN";
    /** Message lamp Y/N (RE). */
    public static final String MESSAGE_LAMP = "ML";
    /** Maid (room) status (RE to the PMS). */
    public static final String MAID_STATUS = "RS";
    /** Answer status: PA (OK …) and WA (OK, BY busy, NR no answer). */
    public static final String ANSWER_STATUS = "AS";
    /** Posting type: C direct charge, T PMS-priced from DU+DD, M minibar. */
    public static final String POSTING_TYPE = "PT";
    /** Total amount, without decimal point ({@code 1050} = 10.50 with 2 decimals). */
    public static final String TOTAL_AMOUNT = "TA";
    /** Dialled digits. */
    public static final String DIALLED_DIGITS = "DD";
    /** Call duration {@code HHMMSS}. */
    public static final String DURATION = "DU";
    /** Posting sequence number 1..99999999, echoed by the PA. */
    public static final String POSTING_SEQUENCE = "P#";

    /** The interface family a phone system announces in its LD. */
    public static final String FAMILY_PBX = "PB";

    private FiasCodes() {}
}
