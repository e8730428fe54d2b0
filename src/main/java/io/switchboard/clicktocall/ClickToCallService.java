package io.switchboard.clicktocall;

import io.switchboard.call.CallEvent;
import io.switchboard.call.CallIds;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.call.Party;
import io.switchboard.ingress.RejectedRequestException;
import io.switchboard.journal.CallJournal;
import io.switchboard.journal.JournalWriteLock;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places a click-to-call: picks the source and caller the request names, asks that vendor's API,
 * then journals an {@link EventKind#ORIGINATE} event so the call is readable at once and the
 * vendor's events fold into it. A vendor failure journals nothing and reaches the caller as a
 * {@link io.switchboard.vendor.api.VendorApiException} (502/504).
 */
@Component
public class ClickToCallService {

    /** {@code vendorEventType} of the hub's ORIGINATE events. */
    public static final String ORIGINATE_TYPE = "hub:originate";

    private static final Logger LOG = LoggerFactory.getLogger(ClickToCallService.class);

    /** What the API answers. */
    public record Started(String id, String vendor, String source, String line) {}

    private final CallerDirectory directory;
    private final Map<String, Originator> originators;
    private final CallJournal journal;
    private final JournalWriteLock writeLock;
    private final TransactionTemplate tx;
    private final Clock clock;

    ClickToCallService(CallerDirectory directory, List<Originator> originators, CallJournal journal,
            JournalWriteLock writeLock, TransactionTemplate tx, Clock clock) {
        this.directory = directory;
        this.originators = originators.stream().collect(Collectors.toUnmodifiableMap(Originator::vendor, Function.identity()));
        this.journal = journal;
        this.writeLock = writeLock;
        this.tx = tx;
        this.clock = clock;
    }

    public Started start(ClickToCallRequest request, String requestedBy) {
        CallerDirectory.Resolved who = directory.resolve(request);
        Originator originator = originators.get(who.source().vendor());
        if (originator == null) {
            throw new ClickToCallNotConfiguredException(who.source().id(), "a vendor with a click-to-call API");
        }
        String hubCallId = CallIds.next();
        Instant requestedAt = clock.instant();
        Placement placement = new Placement(hubCallId, who.source(), who.caller(), who.line(), who.number().number(),
                who.number().extension(), request.displayName(), hubTag(hubCallId));
        Originated originated;
        try {
            originated = originator.originate(placement);
        } catch (IllegalArgumentException e) {
            // The request was checked above (numbers, caller): what the vendor client still refuses
            // is the source's own settings, so it is the operator's to fix, not the caller's.
            LOG.warn("Click-to-call through source '{}' refused by its settings: {}", who.source().id(), e.getMessage());
            throw new RejectedRequestException(409, "click_to_call_not_configured", "Source '" + who.source().id()
                    + "' cannot place calls: " + e.getMessage() + "; fix it in config/switchboard.yaml");
        }
        CallEvent event = originateEvent(placement, originated, request, requestedBy, requestedAt);
        String id = writeLock.call(() -> tx.execute(status -> journal.originate(hubCallId, event, originated.pendingKeys())));
        LOG.info("Click-to-call {} placed through source '{}' ({}) from line {} by key '{}'",
                id, who.source().id(), who.source().vendor(), who.line(), requestedBy);
        return new Started(id, who.source().vendor(), who.source().id(), who.line());
    }

    /** The tag vendors carry back (CALLR cdr_field: 1-32 letters or digits): {@code sb} + 30 hex digits. */
    static String hubTag(String hubCallId) {
        return "sb" + hubCallId.replace("-", "").substring(0, 30);
    }

    private static CallEvent originateEvent(Placement p, Originated originated, ClickToCallRequest request,
            String requestedBy, Instant requestedAt) {
        Map<String, String> attributes = new LinkedHashMap<>(originated.attributes());
        put(attributes, "requestedBy", requestedBy);
        put(attributes, "displayName", request.displayName());
        put(attributes, "tag", request.tag());
        boolean lineIsExtension = !p.line().startsWith("+");
        return CallEvent.builder(p.source().vendor(), ORIGINATE_TYPE, EventKind.ORIGINATE, requestedAt)
                .source(p.source().id())
                .eventKey("originate:" + p.hubCallId())
                .vendorCallId(originated.vendorCallId())
                .line(p.line())
                .direction(Direction.OUTBOUND)
                .from(new Party(p.caller().line(), p.line(), lineIsExtension))
                .to(new Party(request.number(), p.number(), p.extension()))
                .agent(p.caller().agent())
                .attributes(attributes)
                .build();
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
