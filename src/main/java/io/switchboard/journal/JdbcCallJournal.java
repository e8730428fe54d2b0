package io.switchboard.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.call.CanonicalJson;
import io.switchboard.call.Call;
import io.switchboard.call.CallEvent;
import io.switchboard.call.CallIds;
import io.switchboard.call.CallState;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.call.Outcome;
import io.switchboard.call.StoredEvent;
import io.switchboard.journal.CallFolder.CallIdentity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** {@link CallJournal} on plain JDBC; the SQL is portable between H2 and PostgreSQL. */
@Repository
class JdbcCallJournal implements CallJournal {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JdbcCallJournal.class);

    /** How long after a call ended a late or repeated event without a vendor call id still joins it. */
    static final Duration LATE_EVENT_WINDOW = Duration.ofMinutes(2);

    /** How long a click-to-call waits for its first vendor event when the vendor gave no id back (Keyyo). */
    static final Duration ORIGINATION_WINDOW = Duration.ofMinutes(5);

    /** Tolerated difference between a vendor's event times and the hub's clock. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(10);

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    private final List<CallChangeListener> listeners;
    private final java.util.Map<String, Boolean> vendorsWithPendingKeys = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * How many recently written calls (with their events) the writer keeps; see {@link #recentCalls}.
     * Sized for 10,000 calls in progress, about 2 KB each.
     */
    static final int RECENT_CALLS = 10_000;

    /**
     * The writer's own copy of what it last wrote for recently changed calls: the call row and its
     * events in journal order. The journal has one writer at a time ({@link JournalWriteLock}), so
     * a call found here is exactly what the tables hold, and folding the next event of the call
     * needs neither the call row nor its events read back. A miss reads them from the tables. Any
     * transaction that does not commit empties it ({@link #forgetOnRollback}).
     */
    private final RecentlyWritten<String, Written> recentCalls = new RecentlyWritten<>(RECENT_CALLS);

    /** Owners of recently seen {@code call_keys} entries, as {@code vendor + NUL + key}: same rules as {@link #recentCalls}. */
    private final RecentlyWritten<String, String> keyOwners = new RecentlyWritten<>(4 * RECENT_CALLS);

    private record Written(Call call, List<CallEvent> events) {}

    JdbcCallJournal(NamedParameterJdbcTemplate jdbc, Clock clock, List<CallChangeListener> listeners) {
        this.jdbc = jdbc;
        this.json = CanonicalJson.MAPPER;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public int record(long inboxId, List<CallEvent> events) {
        forgetOnRollback();
        int fresh = 0;
        for (int i = 0; i < events.size(); i++) {
            CallEvent event = withKey(events.get(i), inboxId, i);
            if (eventExists(event)) {
                continue;
            }
            if (event.kind() == EventKind.NON_CALL) {
                insertEvent(null, event, inboxId);
            } else {
                Resolved call = resolve(event);
                String payload = insertEvent(call.id(), event, inboxId);
                registerKeys(call, event);
                recompute(call, event, payload);
            }
            fresh++;
        }
        return fresh;
    }

    private static CallEvent withKey(CallEvent event, long inboxId, int index) {
        return event.eventKey() != null ? event : event.toBuilder().eventKey("inbox:" + inboxId + ":" + index).build();
    }

    private boolean eventExists(CallEvent e) {
        return !jdbc.queryForList(
                        "SELECT 1 FROM events WHERE vendor = :vendor AND event_key = :key",
                        new MapSqlParameterSource("vendor", e.vendor()).addValue("key", e.eventKey()),
                        Integer.class)
                .isEmpty();
    }

    /** The call an event belongs to: by any vendor id already known, else by line and numbers. */
    private record Resolved(String id, boolean isNew) {}

    private Resolved resolve(CallEvent e) {
        Set<String> ids = vendorIds(e);
        if (!ids.isEmpty()) {
            Optional<String> known = knownCall(e.vendor(), ids);
            if (known.isPresent()) {
                return new Resolved(known.get(), false);
            }
        }
        Optional<String> requested = pendingOrigination(e);
        if (requested.isPresent()) {
            return new Resolved(requested.get(), false);
        }
        if (!ids.isEmpty()) {
            return new Resolved(newId(), true);
        }
        return matchByNumbers(e).map(id -> new Resolved(id, false)).orElseGet(() -> new Resolved(newId(), true));
    }

    private static Set<String> vendorIds(CallEvent e) {
        return CorrelationKeys.of(e);
    }

    /**
     * The call that already owns one of these vendor keys. One primary-key lookup per key: H2 uses
     * only the index prefix (vendor) for {@code vendor_key IN (...)}, which scans every key of the
     * vendor, so IN lists on call_keys are avoided on the hot path.
     */
    private Optional<String> knownCall(String vendor, Set<String> keys) {
        for (String key : keys) {
            String cached = keyOwners.getIfPresent(keyRef(vendor, key));
            if (cached != null) {
                return Optional.of(cached);
            }
            List<String> known = jdbc.queryForList(
                    "SELECT call_id FROM call_keys WHERE vendor = :vendor AND vendor_key = :key",
                    new MapSqlParameterSource("vendor", vendor).addValue("key", key),
                    String.class);
            if (!known.isEmpty()) {
                keyOwners.put(keyRef(vendor, key), known.get(0));
                return Optional.of(known.get(0));
            }
        }
        return Optional.empty();
    }

    private static String keyRef(String vendor, String key) {
        return vendor + '\0' + key;
    }

    /**
     * A click-to-call the hub requested from this line to one of the event's numbers, still RINGING
     * and requested at most {@link #ORIGINATION_WINDOW} before the event: the event is its first
     * vendor event (Keyyo gives no id back). The pending key is consumed, so the next call between
     * the same numbers starts a call of its own.
     */
    private Optional<String> pendingOrigination(CallEvent e) {
        if (e.line() == null || !mayHavePendingKeys(e.vendor())) {
            return Optional.empty();
        }
        Set<String> keys = new LinkedHashSet<>();
        if (e.to() != null && e.to().number() != null) {
            keys.add(CorrelationKeys.pending(e.line(), e.to().number()));
        }
        if (e.from() != null && e.from().number() != null) {
            keys.add(CorrelationKeys.pending(e.line(), e.from().number()));
        }
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        // One primary-key lookup per key (see knownCall), newest request first.
        List<Pending> pending = new ArrayList<>();
        for (String key : keys) {
            pending.addAll(jdbc.query(
                    "SELECT c.id, c.state, c.started_at FROM call_keys k JOIN calls c ON c.id = k.call_id"
                            + " WHERE k.vendor = :vendor AND k.vendor_key = :key",
                    new MapSqlParameterSource("vendor", e.vendor()).addValue("key", key),
                    (rs, n) -> new Pending(rs.getString(1), CallState.valueOf(rs.getString(2)), instant(rs, 3))));
        }
        pending.sort(Comparator.comparing(Pending::requestedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        for (Pending c : pending) {
            boolean inWindow = c.requestedAt() != null
                    && !c.requestedAt().isAfter(e.occurredAt().plus(LATE_EVENT_WINDOW))
                    && !c.requestedAt().isBefore(e.occurredAt().minus(ORIGINATION_WINDOW));
            if (c.state() == CallState.RINGING && inWindow) {
                for (String key : keys) {
                    jdbc.update(
                            "DELETE FROM call_keys WHERE vendor = :vendor AND vendor_key = :key AND call_id = :id",
                            new MapSqlParameterSource("vendor", e.vendor()).addValue("key", key).addValue("id", c.id()));
                    keyOwners.invalidate(keyRef(e.vendor(), key));
                }
                return Optional.of(c.id());
            }
        }
        return Optional.empty();
    }

    private record Pending(String id, CallState state, Instant requestedAt) {}

    /**
     * Whether this vendor can have pending click-to-call keys at all (only vendors that answer no id,
     * Keyyo): spares every other new call the look-up. Read once per vendor, set by {@link #originate}.
     */
    private boolean mayHavePendingKeys(String vendor) {
        return vendorsWithPendingKeys.computeIfAbsent(vendor, v -> !jdbc.queryForList(
                        "SELECT 1 FROM call_keys WHERE vendor = :vendor AND vendor_key LIKE :prefix FETCH FIRST 1 ROWS ONLY",
                        new MapSqlParameterSource("vendor", v).addValue("prefix", CorrelationKeys.PENDING + "%"),
                        Integer.class)
                .isEmpty());
    }

    /**
     * For vendors that give no call id (Keyyo templates without CALLREF): the open call of the same
     * line and numbers; or one that ended moments ago, for a repeated hang-up or a ring that
     * arrived after its own hang-up.
     */
    private Optional<String> matchByNumbers(CallEvent e) {
        MapSqlParameterSource p = new MapSqlParameterSource("vendor", e.vendor())
                .addValue("line", e.line())
                .addValue("from", e.from() == null ? null : e.from().number())
                .addValue("to", e.to() == null ? null : e.to().number());
        List<Candidate> candidates = jdbc.query(
                "SELECT id, state, ended_at FROM calls WHERE vendor = :vendor AND vendor_call_id IS NULL"
                        + " AND line IS NOT DISTINCT FROM :line AND from_number IS NOT DISTINCT FROM :from"
                        + " AND to_number IS NOT DISTINCT FROM :to ORDER BY started_at DESC FETCH FIRST 1 ROWS ONLY",
                p,
                (rs, n) -> new Candidate(rs.getString(1), CallState.valueOf(rs.getString(2)), instant(rs, 3)));
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Candidate c = candidates.get(0);
        if (c.state() != CallState.ENDED) {
            return Optional.of(c.id());
        }
        boolean recent = c.endedAt() != null
                && Duration.between(c.endedAt(), e.occurredAt()).abs().compareTo(LATE_EVENT_WINDOW) <= 0;
        if (!recent) {
            return Optional.empty();
        }
        if (e.kind() != EventKind.RING || !hasRing(c.id())) {
            return Optional.of(c.id());
        }
        return Optional.empty();
    }

    private record Candidate(String id, CallState state, Instant endedAt) {}

    private boolean hasRing(String callId) {
        return !jdbc.queryForList(
                        "SELECT 1 FROM events WHERE call_id = :id AND kind = 'RING'",
                        new MapSqlParameterSource("id", callId),
                        Integer.class)
                .isEmpty();
    }

    private static String newId() {
        return CallIds.next();
    }

    /** Inserts the event; returns the payload JSON it stored. */
    private String insertEvent(String callId, CallEvent e, Long inboxId) {
        String payload = toJson(e);
        jdbc.update(
                "INSERT INTO events (call_id, vendor, source_id, event_key, vendor_event_type, kind, occurred_at,"
                        + " inbox_id, payload, recorded_at) VALUES (:call, :vendor, :source, :key, :type, :kind,"
                        + " :at, :inbox, :payload, :now)",
                new MapSqlParameterSource("call", callId)
                        .addValue("vendor", e.vendor())
                        .addValue("source", e.source())
                        .addValue("key", e.eventKey())
                        .addValue("type", e.vendorEventType())
                        .addValue("kind", e.kind().name())
                        .addValue("at", ts(e.occurredAt()))
                        .addValue("inbox", inboxId)
                        .addValue("payload", payload)
                        .addValue("now", ts(clock.instant())));
        return payload;
    }

    /**
     * Registers the event's vendor ids for the call. For a new call {@link #resolve} has just found
     * none of them in this transaction (and one thread writes the journal), so they are inserted
     * without looking each one up again.
     */
    private void registerKeys(Resolved call, CallEvent e) {
        for (String key : vendorIds(e)) {
            MapSqlParameterSource p = new MapSqlParameterSource("vendor", e.vendor())
                    .addValue("key", key)
                    .addValue("call", call.id());
            String ref = keyRef(e.vendor(), key);
            boolean known = !call.isNew() && (keyOwners.getIfPresent(ref) != null || !jdbc.queryForList(
                            "SELECT 1 FROM call_keys WHERE vendor = :vendor AND vendor_key = :key", p, Integer.class)
                    .isEmpty());
            if (!known) {
                jdbc.update("INSERT INTO call_keys (vendor, vendor_key, call_id) VALUES (:vendor, :key, :call)", p);
                keyOwners.put(ref, call.id());
            }
        }
    }

    /**
     * Folds the call's events again, writes the call, and appends to the feed when it changed. The
     * call row and its earlier events come from {@link #recentCalls} when the writer wrote them
     * recently, else from the tables; the new event is read back from the JSON just stored
     * ({@code payload}), as the query would have returned it.
     */
    private void recompute(Resolved resolved, CallEvent trigger, String payload) {
        CallEvent stored = asStored(trigger, payload);
        Written written = resolved.isNew() ? null : recentCalls.getIfPresent(resolved.id());
        Optional<Call> before;
        List<CallEvent> events;
        if (resolved.isNew()) {
            before = Optional.empty();
            events = List.of(stored);
        } else if (written != null) {
            before = Optional.of(written.call());
            events = new ArrayList<>(written.events().size() + 1);
            events.addAll(written.events());
            events.add(stored);
        } else {
            before = findCallRow(resolved.id());
            events = jdbc.query(
                    "SELECT payload FROM events WHERE call_id = :id ORDER BY id",
                    new MapSqlParameterSource("id", resolved.id()),
                    (rs, n) -> fromJson(rs.getString(1)));
        }
        String source = before.map(Call::source).orElse(trigger.source());
        Call after = CallFolder.fold(new CallIdentity(resolved.id(), trigger.vendor(), source), events);
        if (before.isPresent() && before.get().equals(after)) {
            recentCalls.put(resolved.id(), new Written(before.get(), List.copyOf(events)));
            return;
        }
        recentCalls.put(resolved.id(), new Written(after, List.copyOf(events)));
        Instant now = clock.instant();
        MapSqlParameterSource p = callParams(after, now);
        if (before.isEmpty()) {
            jdbc.update(
                    "INSERT INTO calls (id, vendor, source_id, vendor_call_id, line, direction, from_number, to_number,"
                            + " state, outcome, started_at, answered_at, ended_at, ring_seconds, talk_seconds, agent,"
                            + " recording_url, legs, created_at, updated_at) VALUES (:id, :vendor, :source,"
                            + " :vendorCallId, :line, :direction, :from, :to, :state, :outcome, :startedAt,"
                            + " :answeredAt, :endedAt, :ringSeconds, :talkSeconds, :agent, :recordingUrl, :legs,"
                            + " :now, :now)",
                    p);
        } else {
            jdbc.update(
                    "UPDATE calls SET vendor_call_id = :vendorCallId, line = :line, direction = :direction,"
                            + " from_number = :from, to_number = :to, state = :state, outcome = :outcome,"
                            + " started_at = :startedAt, answered_at = :answeredAt, ended_at = :endedAt,"
                            + " ring_seconds = :ringSeconds, talk_seconds = :talkSeconds, agent = :agent,"
                            + " recording_url = :recordingUrl, legs = :legs, updated_at = :now WHERE id = :id",
                    p);
        }
        jdbc.update(
                "INSERT INTO call_feed (call_id, state, previous_state, changed_at) VALUES (:id, :state, :previous,"
                        + " :now)",
                new MapSqlParameterSource("id", after.id())
                        .addValue("state", after.state().name())
                        .addValue("previous", before.map(c -> c.state().name()).orElse(null))
                        .addValue("now", ts(now)));
        announce(after);
    }

    /**
     * Empties the writer's caches if the current transaction does not commit: they may hold rows
     * it wrote and then rolled back. Registered once per transaction.
     */
    private void forgetOnRollback() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(JdbcCallJournal.this);
                if (status != STATUS_COMMITTED) {
                    recentCalls.invalidateAll();
                    keyOwners.invalidateAll();
                }
            }
        });
    }

    /** The {@link CallEvent} components that are strings: the ones whose round trip through JSON can change them. */
    private static final List<java.lang.reflect.Method> STRING_COMPONENTS = java.util.Arrays.stream(
                    CallEvent.class.getRecordComponents())
            .filter(c -> c.getType() == String.class)
            .map(java.lang.reflect.RecordComponent::getAccessor)
            .toList();

    /**
     * The event as reading its stored JSON back returns it: {@code e} itself, unless one of its
     * strings is empty (the canonical JSON leaves empty values out, so they read back as null);
     * then the JSON is parsed. Parsing every event took about a sixth of the writer's time.
     */
    static CallEvent asStored(CallEvent e, String payload) {
        try {
            for (java.lang.reflect.Method component : STRING_COMPONENTS) {
                String value = (String) component.invoke(e);
                if (value != null && value.isEmpty()) {
                    return CanonicalJson.MAPPER.readValue(payload, CallEvent.class);
                }
            }
            return e;
        } catch (ReflectiveOperationException | JsonProcessingException ex) {
            throw new IllegalStateException("Cannot read back event " + e.eventKey(), ex);
        }
    }

    /** Tells the listeners about the changed call once the transaction commits (at once without one). */
    private void announce(Call call) {
        if (listeners.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            notifyListeners(call);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                notifyListeners(call);
            }
        });
    }

    private void notifyListeners(Call call) {
        for (CallChangeListener listener : listeners) {
            try {
                listener.callChanged(call);
            } catch (RuntimeException e) {
                LOG.warn("Call change listener {} failed: {}", listener.getClass().getSimpleName(), e.toString());
            }
        }
    }

    private MapSqlParameterSource callParams(Call c, Instant now) {
        return new MapSqlParameterSource("id", c.id())
                .addValue("vendor", c.vendor())
                .addValue("source", c.source())
                .addValue("vendorCallId", c.vendorCallId())
                .addValue("line", c.line())
                .addValue("direction", name(c.direction()))
                .addValue("from", c.from())
                .addValue("to", c.to())
                .addValue("state", c.state().name())
                .addValue("outcome", name(c.outcome()))
                .addValue("startedAt", ts(c.startedAt()))
                .addValue("answeredAt", ts(c.answeredAt()))
                .addValue("endedAt", ts(c.endedAt()))
                .addValue("ringSeconds", c.ringSeconds())
                .addValue("talkSeconds", c.talkSeconds())
                .addValue("agent", c.agent())
                .addValue("recordingUrl", c.recordingUrl())
                .addValue("legs", toJson(c.legs()))
                .addValue("now", ts(now));
    }

    @Override
    public String originate(String proposedId, CallEvent requested, Set<String> pendingKeys) {
        forgetOnRollback();
        if (eventExists(requested)) {
            throw new IllegalStateException("Click-to-call " + requested.eventKey() + " is already journaled");
        }
        Set<String> ids = vendorIds(requested);
        List<String> known = knownCall(requested.vendor(), ids).stream().toList();
        Optional<String> existing = known.isEmpty() && !pendingKeys.isEmpty() ? openedBeforeItsRequest(requested) : Optional.empty();
        Resolved call = !known.isEmpty() ? new Resolved(known.get(0), false)
                : existing.map(id -> new Resolved(id, false)).orElseGet(() -> new Resolved(proposedId, true));
        if (existing.isPresent()) {
            pendingKeys = Set.of();
        }
        String payload = insertEvent(call.id(), requested, null);
        registerKeys(call, requested);
        if (!pendingKeys.isEmpty()) {
            vendorsWithPendingKeys.put(requested.vendor(), true);
        }
        for (String key : pendingKeys) {
            MapSqlParameterSource p = new MapSqlParameterSource("vendor", requested.vendor())
                    .addValue("key", key)
                    .addValue("call", call.id());
            jdbc.update("DELETE FROM call_keys WHERE vendor = :vendor AND vendor_key = :key", p);
            jdbc.update("INSERT INTO call_keys (vendor, vendor_key, call_id) VALUES (:vendor, :key, :call)", p);
            keyOwners.put(keyRef(requested.vendor(), key), call.id());
        }
        recompute(call, requested, payload);
        if (call.isNew()) {
            jdbc.update(
                    "INSERT INTO originations (call_id, requested_at) VALUES (:id, :at)",
                    new MapSqlParameterSource("id", call.id()).addValue("at", ts(requested.occurredAt())));
        }
        return call.id();
    }

    /** Still RINGING on ORIGINATE alone: no vendor event has joined the call. */
    private static final String UNCONFIRMED = "c.state = 'RINGING'"
            + " AND EXISTS (SELECT 1 FROM events o WHERE o.call_id = c.id AND o.kind = 'ORIGINATE')"
            + " AND NOT EXISTS (SELECT 1 FROM events v WHERE v.call_id = c.id AND v.kind <> 'ORIGINATE')";

    /**
     * Walks the watch list (V12 {@code originations}), oldest request first, and checks each call by
     * its primary key: driving the query from {@code calls} instead let H2 scan every RINGING call.
     */
    @Override
    public List<UnconfirmedOrigination> unconfirmedOriginations(Instant requestedBefore, int limit) {
        MapSqlParameterSource before = new MapSqlParameterSource("before", ts(requestedBefore));
        List<String> watched = jdbc.queryForList(
                "SELECT call_id FROM originations WHERE requested_at < :before ORDER BY requested_at"
                        + " FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
                before,
                String.class);
        List<UnconfirmedOrigination> unconfirmed = new ArrayList<>();
        for (String id : watched) {
            unconfirmed.addAll(jdbc.query(
                    "SELECT c.id, c.vendor, c.source_id, c.started_at FROM calls c WHERE c.id = :id"
                            + " AND c.started_at < :before AND " + UNCONFIRMED,
                    new MapSqlParameterSource("id", id).addValue("before", ts(requestedBefore)),
                    (rs, n) -> new UnconfirmedOrigination(
                            rs.getString("id"), rs.getString("vendor"), rs.getString("source_id"), instant(rs, "started_at"))));
        }
        return unconfirmed;
    }

    @Override
    public int forgetSettledOriginations(Instant requestedBefore) {
        return jdbc.update(
                "DELETE FROM originations o WHERE o.requested_at < :before"
                        + " AND NOT EXISTS (SELECT 1 FROM calls c WHERE c.id = o.call_id AND " + UNCONFIRMED + ")",
                new MapSqlParameterSource("before", ts(requestedBefore)));
    }

    @Override
    public boolean endUnconfirmedOrigination(String callId, CallEvent timeoutEvent) {
        forgetOnRollback();
        boolean unconfirmed = !jdbc.queryForList("SELECT 1 FROM calls c WHERE c.id = :id AND " + UNCONFIRMED,
                        new MapSqlParameterSource("id", callId), Integer.class)
                .isEmpty();
        if (!unconfirmed || eventExists(timeoutEvent)) {
            return false;
        }
        String payload = insertEvent(callId, timeoutEvent, null);
        recompute(new Resolved(callId, false), timeoutEvent, payload);
        jdbc.update("DELETE FROM originations WHERE call_id = :id", new MapSqlParameterSource("id", callId));
        return true;
    }

    /**
     * For vendors that give no id back (Keyyo): a call of this line and number that the vendor's own
     * events opened since the request was made, before the hub recorded it (the vendor notified
     * before it answered the API call).
     */
    private Optional<String> openedBeforeItsRequest(CallEvent requested) {
        if (requested.line() == null || requested.to() == null) {
            return Optional.empty();
        }
        return jdbc.queryForList(
                        "SELECT c.id FROM calls c WHERE c.vendor = :vendor AND c.line = :line"
                                + " AND (c.to_number = :number OR c.from_number = :number) AND c.started_at >= :since"
                                + " AND NOT EXISTS (SELECT 1 FROM events e WHERE e.call_id = c.id AND e.kind = 'ORIGINATE')"
                                + " ORDER BY c.started_at FETCH FIRST 1 ROWS ONLY",
                        new MapSqlParameterSource("vendor", requested.vendor())
                                .addValue("line", requested.line())
                                .addValue("number", requested.to().number())
                                .addValue("since", ts(requested.occurredAt().minus(CLOCK_SKEW))),
                        String.class)
                .stream()
                .findFirst();
    }

    @Override
    public List<Call> changedCalls(Instant changedSince, boolean inProgressOnly, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        MapSqlParameterSource p = new MapSqlParameterSource();
        filter(where, p, "since", "updated_at >= :since", ts(changedSince));
        if (inProgressOnly) {
            where.append(" AND state IN ('RINGING', 'ANSWERED')");
        }
        List<Call> newestFirst = new ArrayList<>(jdbc.query(
                "SELECT * FROM calls" + where + " ORDER BY updated_at DESC, id DESC FETCH FIRST " + Math.max(1, limit)
                        + " ROWS ONLY",
                p,
                callMapper()));
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public Optional<Call> findCall(String id) {
        return findCallRow(id).map(c -> c.withEvents(storedEvents(
                "SELECT * FROM events WHERE call_id = :id ORDER BY occurred_at, id", new MapSqlParameterSource("id", id))));
    }

    @Override
    public Optional<Call> findCallWithoutEvents(String id) {
        return findCallRow(id);
    }

    private Optional<Call> findCallRow(String id) {
        return jdbc.query("SELECT * FROM calls WHERE id = :id", new MapSqlParameterSource("id", id), callMapper())
                .stream()
                .findFirst();
    }

    @Override
    public Page<Call> searchCalls(CallQuery q) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        MapSqlParameterSource p = new MapSqlParameterSource();
        filter(where, p, "vendor", "vendor = :vendor", q.vendor());
        filter(where, p, "line", "line = :line", q.line());
        filter(where, p, "state", "state = :state", name(q.state()));
        filter(where, p, "outcome", "outcome = :outcome", name(q.outcome()));
        filter(where, p, "since", "started_at >= :since", ts(q.since()));
        filter(where, p, "until", "started_at < :until", ts(q.until()));
        if (q.numbers() != null && !q.numbers().isEmpty()) {
            where.append(" AND (from_number IN (:numbers) OR to_number IN (:numbers))");
            p.addValue("numbers", q.numbers());
        }
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM calls" + where, p, Long.class);
        p.addValue("offset", q.offset()).addValue("limit", q.limit());
        List<Call> items = jdbc.query(
                "SELECT * FROM calls" + where
                        + " ORDER BY started_at DESC, id OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY",
                p,
                callMapper());
        return new Page<>(items, total, q.offset(), q.limit());
    }

    @Override
    public Page<StoredEvent> searchEvents(EventQuery q) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        MapSqlParameterSource p = new MapSqlParameterSource();
        filter(where, p, "vendor", "vendor = :vendor", q.vendor());
        filter(where, p, "callId", "call_id = :callId", q.callId());
        filter(where, p, "type", "vendor_event_type = :type", q.type());
        filter(where, p, "since", "occurred_at >= :since", ts(q.since()));
        filter(where, p, "until", "occurred_at < :until", ts(q.until()));
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM events" + where, p, Long.class);
        p.addValue("offset", q.offset()).addValue("limit", q.limit());
        List<StoredEvent> items = storedEvents(
                "SELECT * FROM events" + where + " ORDER BY occurred_at DESC, id DESC OFFSET :offset ROWS FETCH NEXT"
                        + " :limit ROWS ONLY",
                p);
        return new Page<>(items, total, q.offset(), q.limit());
    }

    private static void filter(StringBuilder where, MapSqlParameterSource p, String name, String clause, Object value) {
        if (value != null) {
            where.append(" AND ").append(clause);
            p.addValue(name, value);
        }
    }

    private List<StoredEvent> storedEvents(String sql, MapSqlParameterSource p) {
        return jdbc.query(sql, p, (rs, n) -> {
            long inbox = rs.getLong("inbox_id");
            return new StoredEvent(
                    rs.getLong("id"),
                    rs.getString("call_id"),
                    rs.getString("vendor"),
                    rs.getString("vendor_event_type"),
                    EventKind.valueOf(rs.getString("kind")),
                    instant(rs, "occurred_at"),
                    rs.wasNull() ? null : inbox,
                    fromJson(rs.getString("payload")));
        });
    }

    private RowMapper<Call> callMapper() {
        return (rs, n) -> new Call(
                rs.getString("id"),
                rs.getString("vendor"),
                rs.getString("source_id"),
                rs.getString("vendor_call_id"),
                rs.getString("line"),
                enumOf(Direction.class, rs.getString("direction")),
                rs.getString("from_number"),
                rs.getString("to_number"),
                CallState.valueOf(rs.getString("state")),
                enumOf(Outcome.class, rs.getString("outcome")),
                instant(rs, "started_at"),
                instant(rs, "answered_at"),
                instant(rs, "ended_at"),
                longOrNull(rs, "ring_seconds"),
                longOrNull(rs, "talk_seconds"),
                rs.getString("agent"),
                rs.getString("recording_url"),
                legsOf(rs.getString("legs")),
                List.of());
    }

    private List<String> legsOf(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(text, new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt legs column", e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    private CallEvent fromJson(String text) {
        try {
            return json.readValue(text, CallEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt event payload", e);
        }
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
