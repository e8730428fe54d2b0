package io.switchboard.journal;

import io.switchboard.call.Call;
import io.switchboard.call.CallEvent;
import io.switchboard.call.CallState;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.call.Outcome;
import io.switchboard.call.Party;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Folds every event of one call into the canonical {@link Call}. A pure function of the set of
 * events: the order they arrived in does not matter (they are sorted by time), and a duplicate
 * changes nothing, which is what makes out-of-order and repeated vendor events harmless.
 *
 * <p>Rules (see docs/canonical-model.md): times come from RING / ANSWER events, and from the
 * vendor's start / answer hints (CDRs) only when no such event was seen; a leg is keyed by its legId, else the vendor call id; the
 * call is ENDED once every leg that rang, answered or hung up has hung up; it is ANSWERED once any
 * leg answered; an inbound call never answered ends MISSED.
 */
public final class CallFolder {

    private static final String MAIN_LEG = "main";

    private CallFolder() {}

    /** Identity of the call row the events belong to. */
    public record CallIdentity(String id, String vendor, String source) {}

    public static Call fold(CallIdentity identity, List<CallEvent> unsorted) {
        List<CallEvent> events = new ArrayList<>(unsorted);
        events.removeIf(e -> e.kind() == EventKind.NON_CALL);
        events.sort(Comparator.comparing(CallEvent::occurredAt));

        String vendorCallId = first(events, CallEvent::vendorCallId);
        Instant started = started(events);
        Answer answer = answer(events);
        Instant ended = ended(events);
        Direction direction = first(events, CallEvent::direction);

        CallState state = ended != null ? CallState.ENDED : answer.answered ? CallState.ANSWERED : CallState.RINGING;
        Outcome outcome = ended == null ? null : outcome(events, answer.answered, direction);
        Instant answeredAt = answer.at;
        Long ringSeconds = seconds(started, answeredAt != null ? answeredAt : (answer.answered ? null : ended));
        Long talkSeconds = seconds(answeredAt, ended);

        return new Call(
                identity.id(),
                identity.vendor(),
                identity.source(),
                vendorCallId,
                first(events, CallEvent::line),
                direction,
                party(events, CallEvent::from),
                party(events, CallEvent::to),
                state,
                outcome,
                started,
                answeredAt,
                ended,
                ringSeconds,
                talkSeconds,
                agent(events),
                last(events, CallEvent::recordingUrl),
                legs(events, vendorCallId),
                List.of());
    }

    private static Instant started(List<CallEvent> events) {
        Instant ring = min(events, e -> e.kind() == EventKind.RING ? e.occurredAt() : null);
        Instant best = ring != null ? ring : min(events, CallEvent::startedAtHint);
        return best != null ? best : events.isEmpty() ? null : events.get(0).occurredAt();
    }

    private record Answer(boolean answered, Instant at) {}

    private static Answer answer(List<CallEvent> events) {
        Instant answerEvent = min(events, e -> e.kind() == EventKind.ANSWER ? e.occurredAt() : null);
        Instant at = answerEvent != null ? answerEvent : min(events, CallEvent::answeredAtHint);
        boolean hintedAnswered = events.stream()
                .anyMatch(e -> e.kind() == EventKind.HANGUP && e.outcomeHint() == Outcome.ANSWERED);
        return new Answer(at != null || hintedAnswered, at);
    }

    /** The time the last open leg hung up, or null while any leg is still open. */
    private static Instant ended(List<CallEvent> events) {
        Set<String> legs = new LinkedHashSet<>();
        Map<String, Instant> hungUp = new HashMap<>();
        for (CallEvent e : events) {
            if (e.kind() == EventKind.RING || e.kind() == EventKind.ANSWER || e.kind() == EventKind.HANGUP) {
                String leg = legKey(e);
                legs.add(leg);
                if (e.kind() == EventKind.HANGUP) {
                    hungUp.merge(leg, e.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        }
        if (legs.isEmpty() || !hungUp.keySet().containsAll(legs)) {
            return null;
        }
        return hungUp.values().stream().max(Comparator.naturalOrder()).orElse(null);
    }

    static String legKey(CallEvent e) {
        if (e.legId() != null) {
            return e.legId();
        }
        return e.vendorCallId() != null ? e.vendorCallId() : MAIN_LEG;
    }

    private static Outcome outcome(List<CallEvent> events, boolean answered, Direction direction) {
        if (answered) {
            return Outcome.ANSWERED;
        }
        if (direction == Direction.INBOUND) {
            return Outcome.MISSED;
        }
        Outcome hint = last(events, e -> e.kind() == EventKind.HANGUP ? e.outcomeHint() : null);
        return hint != null && hint != Outcome.ANSWERED ? hint : Outcome.NO_ANSWER;
    }

    private static String agent(List<CallEvent> events) {
        String answering = first(events, e -> e.kind() == EventKind.ANSWER ? e.agent() : null);
        return answering != null ? answering : last(events, CallEvent::agent);
    }

    /** The party as seen on the first ringing event that names it, else on any event. */
    private static String party(List<CallEvent> events, Function<CallEvent, Party> side) {
        Party ringing = first(events, e -> e.kind() == EventKind.RING ? side.apply(e) : null);
        Party any = ringing != null ? ringing : first(events, side);
        return any == null ? null : any.number();
    }

    private static List<String> legs(List<CallEvent> events, String vendorCallId) {
        Set<String> ids = new LinkedHashSet<>();
        for (CallEvent e : events) {
            add(ids, e.vendorCallId());
            add(ids, e.legId());
            e.linkedIds().forEach(id -> add(ids, id));
        }
        ids.remove(vendorCallId);
        return List.copyOf(ids);
    }

    private static void add(Set<String> ids, String id) {
        if (id != null && !id.isBlank()) {
            ids.add(id);
        }
    }

    private static Long seconds(Instant from, Instant to) {
        if (from == null || to == null || to.isBefore(from)) {
            return null;
        }
        return Duration.between(from, to).toSeconds();
    }

    private static Instant min(List<CallEvent> events, Function<CallEvent, Instant> f) {
        return events.stream().map(f).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }

    private static <T> T first(List<CallEvent> events, Function<CallEvent, T> f) {
        return events.stream().map(f).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static <T> T last(List<CallEvent> events, Function<CallEvent, T> f) {
        T found = null;
        for (CallEvent e : events) {
            T v = f.apply(e);
            if (v != null) {
                found = v;
            }
        }
        return found;
    }
}
