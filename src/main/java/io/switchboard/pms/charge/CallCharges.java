package io.switchboard.pms.charge;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.switchboard.call.Call;
import io.switchboard.call.CallState;
import io.switchboard.call.CanonicalJson;
import io.switchboard.call.Direction;
import io.switchboard.pms.PmsProperties;
import io.switchboard.pms.RoomMapping;
import io.switchboard.pms.room.Guest;
import io.switchboard.pms.room.RoomIndex;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Turns an ended call into a room posting: the route {@code routes/room-calls-to-pms-charges.yaml}
 * hands every ended call of the durable call feed to {@link #charge}. An outbound call from a room
 * extension with a guest checked in, answered, to a number that is not free, is priced with the
 * tariff file (PT C) or left to the PMS (PT T) and stored in {@code pms_postings}. The method
 * returns only once the posting is stored, so the feed acknowledges the call only then; a
 * redelivered call finds its posting already stored (one posting per call, ever).
 */
@Component("pmsCallCharges")
public class CallCharges {

    private static final Logger LOG = LoggerFactory.getLogger(CallCharges.class);
    private static final Pattern EXTENSION = Pattern.compile("[0-9*#]{1,10}");

    private final PmsProperties.Charges settings;
    private final RoomMapping mapping;
    private final RoomIndex index;
    private final PostingStore store;
    private final ApplicationEventPublisher events;
    private final TariffFile tariffs;

    CallCharges(PmsProperties properties, RoomIndex index, PostingStore store, ApplicationEventPublisher events) {
        this.settings = properties.charges();
        this.mapping = RoomMapping.of(properties.rooms());
        this.index = index;
        this.store = store;
        this.events = events;
        if (settings.enabled()) { // PT T needs its free numbers too
            this.tariffs = new TariffFile(Path.of(settings.tariffFile())); // re-read when edited
            LOG.info("Call charges: tariff {} loaded, postings go to {}", settings.tariffFile(), settings.target());
        } else {
            this.tariffs = null;
        }
    }

    /** What {@link #charge} decided, as a short text (the route may log it). */
    public String charge(String callJson) {
        if (!settings.enabled()) {
            return "charges disabled";
        }
        Call call;
        try {
            call = CanonicalJson.MAPPER.readValue(callJson, Call.class);
        } catch (JsonProcessingException e) {
            return "not a canonical call: " + e.getOriginalMessage();
        }
        return decide(call).map(p -> store(p)).orElseGet(() -> "no posting for call " + call.id());
    }

    private String store(Posting posting) {
        if (store.insert(posting, Instant.now())) {
            LOG.info("Posting {} stored: room {}, {} {} for {} s to {}", posting.id(), posting.room(),
                    posting.amount() == null ? "PMS-priced" : posting.amount(), Objects.toString(posting.currency(), ""),
                    posting.durationSeconds(), posting.destination());
            events.publishEvent(new PostingStoredEvent(posting.id(), posting.target()));
            return "posting " + posting.id() + " stored";
        }
        return "posting " + posting.id() + " already stored";
    }

    /** The posting for this call, if it is a chargeable room call. */
    Optional<Posting> decide(Call call) {
        if (call.state() != CallState.ENDED || call.direction() != Direction.OUTBOUND) {
            return Optional.empty(); // inbound calls are free, internal calls too
        }
        Optional<Room> room = room(call);
        if (room.isEmpty()) {
            return Optional.empty();
        }
        String to = call.to();
        if (to == null || to.isEmpty()) {
            return Optional.empty();
        }
        long talk = call.talkSeconds() == null ? 0 : call.talkSeconds();
        String digits = dialledDigits(to);
        TariffTable tariff = tariffs.table(); // the file as it is now (a bad edit keeps the previous one)
        TariffTable.Pricing pricing = tariff.price(to, digits, talk);
        boolean pmsPriced = "T".equals(settings.postingType());
        switch (pricing.verdict()) {
            case FREE -> {
                return Optional.empty();
            }
            case NO_RATE -> {
                // an extension or short number without a rate is internal; PT T lets the PMS price the rest
                if (!pmsPriced || isExtension(to)) {
                    if (!isExtension(to)) {
                        LOG.warn("Call {} from room {}: no tariff entry matches the destination; not charged",
                                call.id(), room.get().room());
                    }
                    return Optional.empty();
                }
            }
            case CHARGED -> {}
        }
        Instant start = call.answeredAt() != null ? call.answeredAt() : call.startedAt();
        return Optional.of(new Posting(Posting.idFor(call.id()), call.id(), settings.target(), room.get().room(),
                room.get().extension(), room.get().reservation(), settings.postingType(),
                pmsPriced ? null : pricing.amount(), tariff.currency(), talk, digits,
                pmsPriced ? null : pricing.destination(),
                start == null ? Instant.now() : start, null, Posting.Status.PENDING, null, 0));
    }

    private record Room(String room, String extension, String reservation) {}

    /** The room whose phone made the call: {@code from}, else the line, else the agent. */
    private Optional<Room> room(Call call) {
        for (String candidate : Stream.of(call.from(), call.line(), call.agent()).filter(Objects::nonNull).toList()) {
            if (!isExtension(candidate)) {
                continue;
            }
            Optional<String> room = mapping.room(candidate);
            if (room.isEmpty()) {
                continue;
            }
            List<Guest> guests = index.guests(room.get());
            if (guests.isEmpty() && settings.requireCheckedIn()) {
                LOG.info("Call {} from room {}: no guest checked in; not charged", call.id(), room.get());
                return Optional.empty();
            }
            return Optional.of(new Room(room.get(), candidate, guests.isEmpty() ? null : guests.get(0).reservation()));
        }
        return Optional.empty();
    }

    private static boolean isExtension(String number) {
        return EXTENSION.matcher(number).matches();
    }

    /** What a PMS expects in DD: an E.164 number with the international prefix 00 instead of '+'. */
    static String dialledDigits(String number) {
        String digits = number.startsWith("+") ? "00" + number.substring(1) : number;
        return digits.length() > 64 ? digits.substring(0, 64) : digits;
    }

    /** The tariff in use (null when charges are disabled). */
    public TariffTable tariff() {
        return tariffs == null ? null : tariffs.table();
    }

    /** The tariff file (null when charges are disabled). */
    public TariffFile tariffFile() {
        return tariffs;
    }
}
