package io.switchboard.clicktocall;

import io.switchboard.call.CallEvent;
import io.switchboard.call.EventKind;
import io.switchboard.call.Outcome;
import io.switchboard.journal.CallJournal;
import io.switchboard.journal.JournalWriteLock;
import io.switchboard.journal.UnconfirmedOrigination;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends the click-to-calls whose vendor never sent an event. A call the hub asked a vendor to place
 * opens {@code RINGING} on its ORIGINATE event; if no vendor event joins it within
 * {@link ClickToCallProperties#unconfirmedTimeout()}, the hub journals a {@code hub:originate-timeout}
 * HANGUP saying why, and the call ends with outcome {@link Outcome#FAILED}: the hub cannot tell
 * whether any phone rang, so NO_ANSWER (someone was rung and did not pick up) would claim more than
 * it knows. The event reaches the feed, the live screens and the CRMs like any other. A vendor event
 * arriving later still joins the call (and may reopen it).
 */
@Component
public class UnconfirmedCallTimeout {

    /** {@code vendorEventType} of the hub's timeout events. */
    public static final String TIMEOUT_TYPE = "hub:originate-timeout";

    private static final Logger LOG = LoggerFactory.getLogger(UnconfirmedCallTimeout.class);
    private static final int BATCH = 200;

    private final CallJournal journal;
    private final JournalWriteLock writeLock;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration timeout;

    UnconfirmedCallTimeout(CallJournal journal, JournalWriteLock writeLock, TransactionTemplate tx, Clock clock,
            ClickToCallProperties properties) {
        this.journal = journal;
        this.writeLock = writeLock;
        this.tx = tx;
        this.clock = clock;
        this.timeout = properties.unconfirmedTimeout();
    }

    /**
     * Ends every click-to-call requested more than the timeout ago that still has no vendor event.
     *
     * @return how many calls it ended
     */
    public int endExpired() {
        if (timeout.isZero()) {
            return 0;
        }
        int ended = 0;
        while (true) {
            Instant now = clock.instant();
            // Calls confirmed or ended since the last sweep leave the watch list first, so that a
            // batch below holds only calls still waiting.
            writeLock.run(() -> tx.executeWithoutResult(s -> journal.forgetSettledOriginations(now.minus(timeout))));
            var expired = journal.unconfirmedOriginations(now.minus(timeout), BATCH);
            int round = 0;
            for (UnconfirmedOrigination call : expired) {
                CallEvent event = timeoutEvent(call, now);
                if (Boolean.TRUE.equals(writeLock.call(() -> tx.execute(s -> journal.endUnconfirmedOrigination(call.callId(), event))))) {
                    LOG.info("Click-to-call {} ended FAILED: no event from {} (source '{}') within {} s of the request",
                            call.callId(), call.vendor(), call.source(), timeout.toSeconds());
                    round++;
                }
            }
            ended += round;
            if (expired.size() < BATCH || round == 0) {
                return ended;
            }
        }
    }

    CallEvent timeoutEvent(UnconfirmedOrigination call, Instant now) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("reason", "no event from " + call.vendor() + " within " + timeout.toSeconds()
                + " s of the click-to-call request; the hub cannot tell whether the call was placed");
        attributes.put("timeout", timeout.toString());
        attributes.put("requestedAt", call.requestedAt().toString());
        return CallEvent.builder(call.vendor(), TIMEOUT_TYPE, EventKind.HANGUP, now)
                .source(call.source())
                .eventKey("originate-timeout:" + call.callId())
                .outcomeHint(Outcome.FAILED)
                .attributes(attributes)
                .build();
    }
}
