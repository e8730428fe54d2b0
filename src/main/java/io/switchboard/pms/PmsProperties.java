package io.switchboard.pms;

import java.nio.charset.Charset;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything under {@code switchboard.pms:} in {@code config/switchboard.yaml} (each key is
 * commented there). Every PMS connector is disabled by default: the hub starts without a PMS.
 *
 * @param timeZone the hotel's time zone: FIAS dates and times (DA/TI) are local hotel time
 * @param rooms how a room number maps to a phone extension and back
 * @param charges call charges: which calls become postings, how they are priced, where they go
 * @param wakeUps how long a route has to report a wake-up call's result
 * @param fias the OPERA FIAS link (the hub is the TCP client)
 * @param apaleo the Apaleo REST connector (folio charges)
 */
@ConfigurationProperties("switchboard.pms")
public record PmsProperties(
        @DefaultValue("") String timeZone,
        @DefaultValue Rooms rooms,
        @DefaultValue Charges charges,
        @DefaultValue WakeUps wakeUps,
        @DefaultValue Fias fias,
        @DefaultValue Apaleo apaleo) {

    public ZoneId zone() {
        return timeZone == null || timeZone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(timeZone);
    }

    /**
     * @param mapping SAME (extension = room number), PREFIX (extension = prefix + room) or TABLE
     * @param prefix the prefix for PREFIX, e.g. "2" makes room 781 extension 2781
     * @param table room → extension for TABLE (rooms missing from it have no phone)
     */
    public record Rooms(
            @DefaultValue("SAME") RoomMapping.Mode mapping,
            @DefaultValue("") String prefix,
            Map<String, String> table) {

        public Rooms {
            table = table == null ? Map.of() : Map.copyOf(table);
        }
    }

    /**
     * @param enabled whether ended room calls become postings (otherwise the charge route acknowledges and does nothing)
     * @param target where postings go: fias or apaleo
     * @param postingType C (the hub prices with the tariff file, TA) or T (the PMS prices from DU and DD)
     * @param tariffFile the tariff table consultants edit (YAML, see docs/pms/tariffs.md); re-read when it changes
     * @param requireCheckedIn post only calls from rooms with a guest in the index
     */
    public record Charges(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("fias") String target,
            @DefaultValue("C") String postingType,
            @DefaultValue("config/tariffs.yaml") String tariffFile,
            @DefaultValue("true") boolean requireCheckedIn) {

        public Charges {
            if (!List.of("fias", "apaleo").contains(target)) {
                throw new IllegalArgumentException("switchboard.pms.charges.target must be fias or apaleo, got " + target);
            }
            if (!List.of("C", "T").contains(postingType)) {
                throw new IllegalArgumentException("switchboard.pms.charges.posting-type must be C or T, got " + postingType);
            }
        }
    }

    /** @param answerTimeout after the wake-up time, how long a route has to report OK/BY/NR before the hub answers NR */
    public record WakeUps(@DefaultValue("10m") Duration answerTimeout) {}

    /**
     * @param enabled connect to the PMS
     * @param host the PMS interface (IFC) address
     * @param port its TCP port
     * @param charset the site's character set (IBM850 = CP850 is usual)
     * @param decimals digits after the implied decimal point in amounts (TA1050 = 10.50 with 2)
     * @param version V# sent in LD
     * @param records LR field lists sent in every handshake: record type → field codes
     * @param connectTimeout TCP connect timeout
     * @param linkStartTimeout after connecting, how long to wait for the PMS's LS before sending one
     * @param keepAliveInterval idle time after which the hub sends a keep-alive
     * @param keepAliveRecord LS (the PMS answers with a new handshake) or LA (the PMS answers LA)
     * @param keepAliveTimeout how long the hub waits for any record after a keep-alive before it drops and reconnects
     * @param backoffInitial first reconnect delay; doubles on every failure
     * @param backoffMax longest reconnect delay
     * @param postingAnswerTimeout how long a PS waits for its PA before the link is re-established and the PS resent (at least 30 s)
     * @param resyncOnLinkUp send DR after every handshake, so the PMS replays its guests
     * @param maxRecordBytes longest record accepted
     */
    public record Fias(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("127.0.0.1") String host,
            @DefaultValue("5010") int port,
            @DefaultValue("IBM850") String charset,
            @DefaultValue("2") int decimals,
            @DefaultValue("1.0") String version,
            Map<String, List<String>> records,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("10s") Duration linkStartTimeout,
            @DefaultValue("2m") Duration keepAliveInterval,
            @DefaultValue("LS") String keepAliveRecord,
            @DefaultValue("30s") Duration keepAliveTimeout,
            @DefaultValue("1s") Duration backoffInitial,
            @DefaultValue("60s") Duration backoffMax,
            @DefaultValue("60s") Duration postingAnswerTimeout,
            @DefaultValue("false") boolean resyncOnLinkUp,
            @DefaultValue("4096") int maxRecordBytes) {

        /** The LR field lists used when none are configured. */
        public static final Map<String, List<String>> DEFAULT_RECORDS = defaultRecords();

        public Fias {
            records = records == null || records.isEmpty() ? DEFAULT_RECORDS : new LinkedHashMap<>(records);
            if (postingAnswerTimeout.compareTo(Duration.ofSeconds(30)) < 0) {
                throw new IllegalArgumentException(
                        "switchboard.pms.fias.posting-answer-timeout must be at least 30s (FIAS), got " + postingAnswerTimeout);
            }
            if (!List.of("LS", "LA").contains(keepAliveRecord)) {
                throw new IllegalArgumentException("switchboard.pms.fias.keep-alive-record must be LS or LA");
            }
            if (enabled) {
                Charset.forName(charset); // fails at start on a typo
            }
        }

        private static Map<String, List<String>> defaultRecords() {
            Map<String, List<String>> records = new LinkedHashMap<>();
            records.put("GI", List.of("RN", "G#", "GN", "GL", "GS", "SF"));
            records.put("GO", List.of("RN", "G#", "GS", "SF"));
            records.put("GC", List.of("RN", "G#", "GN", "GL", "GS", "RO"));
            records.put("RE", List.of("RN", "CS", "DN", "ML", "RS"));
            records.put("WR", List.of("RN", "DA", "TI"));
            records.put("WC", List.of("RN", "DA", "TI"));
            records.put("WA", List.of("RN", "DA", "TI", "AS"));
            records.put("PS", List.of("RN", "PT", "TA", "DU", "DA", "TI", "P#", "DD"));
            records.put("PA", List.of("RN", "AS", "P#", "DA", "TI"));
            return java.util.Collections.unmodifiableMap(records);
        }
    }

    /**
     * @param enabled post charges to Apaleo (set charges.target to apaleo)
     * @param apiUrl Apaleo API base URL
     * @param identityUrl Apaleo identity server (OAuth2 client credentials)
     * @param clientId OAuth2 client id of the Apaleo app
     * @param clientSecret its secret
     * @param serviceType the charge's serviceType (Other, Accommodation, FoodAndBeverages, ...)
     * @param vatType the charge's vatType (Normal, Reduced, Null, ...)
     * @param chargeName the charge's name on the folio; {destination} is replaced
     */
    public record Apaleo(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("https://api.apaleo.com") String apiUrl,
            @DefaultValue("https://identity.apaleo.com") String identityUrl,
            @DefaultValue("") String clientId,
            @DefaultValue("") String clientSecret,
            @DefaultValue("Other") String serviceType,
            @DefaultValue("Normal") String vatType,
            @DefaultValue("Phone call {destination}") String chargeName) {}
}
