package io.switchboard.vendor.keyyo;

import io.switchboard.call.CallEvent;
import io.switchboard.call.EventKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The hub's correlation and leg rules in miniature (CallEvent javadoc and the helper brief): an
 * event joins the call that already knows its vendorCallId, legId or one of its linkedIds, else
 * (no id at all) the open call of the same line and numbers; duplicate eventKeys are dropped; a
 * leg is keyed by legId else vendorCallId; a call is ended once every leg key seen on
 * RING/ANSWER/HANGUP has a HANGUP.
 */
final class HubSimulation {

    /** One assembled call. */
    static final class SimCall {
        final List<CallEvent> events = new ArrayList<>();

        boolean answered() {
            return events.stream().anyMatch(e -> e.kind() == EventKind.ANSWER);
        }

        boolean ended() {
            Set<String> legs = new LinkedHashSet<>();
            Set<String> hungUp = new LinkedHashSet<>();
            for (CallEvent e : events) {
                if (e.kind() == EventKind.RING || e.kind() == EventKind.ANSWER || e.kind() == EventKind.HANGUP) {
                    legs.add(legKey(e));
                    if (e.kind() == EventKind.HANGUP) {
                        hungUp.add(legKey(e));
                    }
                }
            }
            return !legs.isEmpty() && hungUp.containsAll(legs);
        }

        Set<String> legKeys() {
            Set<String> legs = new LinkedHashSet<>();
            events.forEach(e -> legs.add(legKey(e)));
            return legs;
        }

        Instant endedAt() {
            return events.stream().filter(e -> e.kind() == EventKind.HANGUP).map(CallEvent::occurredAt)
                    .max(Instant::compareTo).orElse(null);
        }

        /** Direction of the earliest event that tells one, as the hub does. */
        Object direction() {
            return events.stream().sorted((a, b) -> a.occurredAt().compareTo(b.occurredAt()))
                    .map(CallEvent::direction).filter(Objects::nonNull).findFirst().orElse(null);
        }

        String agent() {
            return events.stream().filter(e -> e.kind() == EventKind.ANSWER).map(CallEvent::agent)
                    .filter(Objects::nonNull).findFirst().orElse(null);
        }
    }

    private final List<SimCall> calls = new ArrayList<>();
    private final Map<String, SimCall> byKey = new HashMap<>();
    private final Set<String> eventKeys = new LinkedHashSet<>();

    static String legKey(CallEvent e) {
        return e.legId() != null ? e.legId() : e.vendorCallId() != null ? e.vendorCallId() : "main";
    }

    HubSimulation accept(List<CallEvent> events) {
        events.forEach(this::accept);
        return this;
    }

    HubSimulation accept(CallEvent e) {
        if (e.eventKey() != null && !eventKeys.add(e.vendor() + "/" + e.eventKey())) {
            return this;
        }
        Set<String> ids = ids(e);
        SimCall call = ids.isEmpty() ? byNumbers(e) : ids.stream().map(byKey::get).filter(Objects::nonNull)
                .findFirst().orElse(null);
        if (call == null) {
            call = new SimCall();
            calls.add(call);
        }
        call.events.add(e);
        for (String id : ids) {
            byKey.putIfAbsent(id, call);
        }
        return this;
    }

    private SimCall byNumbers(CallEvent e) {
        return calls.stream()
                .filter(c -> !c.ended())
                .filter(c -> c.events.stream().allMatch(x -> ids(x).isEmpty()))
                .filter(c -> Objects.equals(c.events.get(0).line(), e.line())
                        && Objects.equals(number(c.events.get(0).from()), number(e.from()))
                        && Objects.equals(number(c.events.get(0).to()), number(e.to())))
                .reduce((a, b) -> b)
                .orElse(null);
    }

    private static String number(io.switchboard.call.Party p) {
        return p == null ? null : p.number();
    }

    private static Set<String> ids(CallEvent e) {
        Set<String> ids = new LinkedHashSet<>();
        if (e.vendorCallId() != null) {
            ids.add(e.vendorCallId());
        }
        if (e.legId() != null) {
            ids.add(e.legId());
        }
        ids.addAll(e.linkedIds());
        return ids;
    }

    List<SimCall> calls() {
        return calls;
    }
}
