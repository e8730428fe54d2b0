package io.switchboard.vendor.telphin;

import io.switchboard.call.CallEvent;
import io.switchboard.call.EventKind;
import io.switchboard.call.Outcome;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The hub's fold rules as documented for dialect authors (leg key = legId else vendorCallId; a
 * call ends when every leg seen on RING/ANSWER/HANGUP has a HANGUP; answered = an ANSWER event or
 * an ANSWERED hint). Only used to check that Telphin events give the hub what it needs.
 */
final class TelphinFoldRules {

    private TelphinFoldRules() {}

    static Set<String> legs(List<CallEvent> events) {
        Set<String> legs = new LinkedHashSet<>();
        for (CallEvent e : events) {
            if (isLegEvent(e)) {
                legs.add(legKey(e));
            }
        }
        return legs;
    }

    static Set<String> openLegs(List<CallEvent> events) {
        Set<String> open = legs(events);
        events.stream().filter(e -> e.kind() == EventKind.HANGUP).map(TelphinFoldRules::legKey).forEach(open::remove);
        return open;
    }

    static boolean ended(List<CallEvent> events) {
        return !legs(events).isEmpty() && openLegs(events).isEmpty();
    }

    static boolean answered(List<CallEvent> events) {
        return events.stream().anyMatch(e -> e.kind() == EventKind.ANSWER
                || (e.kind() == EventKind.HANGUP && e.outcomeHint() == Outcome.ANSWERED));
    }

    static Set<String> callIds(List<CallEvent> events) {
        Set<String> ids = new LinkedHashSet<>();
        events.forEach(e -> ids.add(e.vendorCallId()));
        return ids;
    }

    private static boolean isLegEvent(CallEvent e) {
        return e.kind() == EventKind.RING || e.kind() == EventKind.ANSWER || e.kind() == EventKind.HANGUP;
    }

    private static String legKey(CallEvent e) {
        return e.legId() != null ? e.legId() : e.vendorCallId();
    }
}
