package io.switchboard.crm;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@link CrmRecords} on the journal tables {@code crm_records} and {@code crm_created_contacts}. */
@Repository
class JdbcCrmRecords implements CrmRecords {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    @Autowired
    JdbcCrmRecords(NamedParameterJdbcTemplate jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    JdbcCrmRecords(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<String> recordId(String connectorId, String callId, Kind kind) {
        List<String> ids = jdbc.queryForList(
                "SELECT record_id FROM crm_records WHERE connector_id = :connector AND call_id = :call AND record_kind = :kind",
                key(connectorId, callId, kind),
                String.class);
        return ids.stream().findFirst();
    }

    @Override
    public void remember(String connectorId, String callId, Kind kind, String crm, String recordId) {
        MapSqlParameterSource p = values(key(connectorId, callId, kind), crm, recordId);
        int updated = jdbc.update(
                "UPDATE crm_records SET record_id = :record, crm = :crm, updated_at = :now"
                        + " WHERE connector_id = :connector AND call_id = :call AND record_kind = :kind",
                p);
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO crm_records (connector_id, call_id, record_kind, crm, record_id, created_at, updated_at)"
                            + " VALUES (:connector, :call, :kind, :crm, :record, :now, :now)",
                    p);
        }
    }

    @Override
    public void rememberInPlaceOfMark(String connectorId, String callId, String crm, String recordId) {
        // One statement, as the insert would be. Only when no CALL row exists yet: journals from before
        // this method can hold a mark beside its CALL row, and turning that mark would clash with it.
        int updated = jdbc.update(
                "UPDATE crm_records SET record_kind = :kind, record_id = :record, crm = :crm, updated_at = :now"
                        + " WHERE connector_id = :connector AND call_id = :call AND record_kind = :mark"
                        + " AND NOT EXISTS (SELECT 1 FROM crm_records c WHERE c.connector_id = :connector"
                        + " AND c.call_id = :call AND c.record_kind = :kind)",
                values(key(connectorId, callId, Kind.CALL), crm, recordId).addValue("mark", Kind.CREATE_SENT.name()));
        if (updated == 0) {
            remember(connectorId, callId, Kind.CALL, crm, recordId);
        }
    }

    @Override
    public void forgetMark(String connectorId, String callId) {
        jdbc.update("DELETE FROM crm_records WHERE connector_id = :connector AND call_id = :call AND record_kind = :kind",
                key(connectorId, callId, Kind.CREATE_SENT));
    }

    @Override
    public Optional<CrmContact> createdContact(String connectorId, String e164, Duration maxAge) {
        MapSqlParameterSource p = new MapSqlParameterSource("connector", connectorId)
                .addValue("e164", e164)
                .addValue("since", clock.instant().minus(maxAge).atOffset(ZoneOffset.UTC));
        return jdbc.query(
                        "SELECT object_type, record_id FROM crm_created_contacts WHERE connector_id = :connector"
                                + " AND e164 = :e164 AND created_at >= :since",
                        p,
                        (rs, n) -> new CrmContact(rs.getString(1), rs.getString(2), null))
                .stream()
                .findFirst();
    }

    @Override
    public void rememberCreatedContact(String connectorId, String e164, CrmContact contact) {
        MapSqlParameterSource p = new MapSqlParameterSource("connector", connectorId)
                .addValue("e164", e164)
                .addValue("type", contact.objectType())
                .addValue("record", contact.id())
                .addValue("now", clock.instant().atOffset(ZoneOffset.UTC));
        int updated = jdbc.update(
                "UPDATE crm_created_contacts SET object_type = :type, record_id = :record, created_at = :now"
                        + " WHERE connector_id = :connector AND e164 = :e164",
                p);
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO crm_created_contacts (connector_id, e164, object_type, record_id, created_at)"
                            + " VALUES (:connector, :e164, :type, :record, :now)",
                    p);
        }
    }

    private MapSqlParameterSource values(MapSqlParameterSource key, String crm, String recordId) {
        return key.addValue("crm", crm).addValue("record", recordId).addValue("now", clock.instant().atOffset(ZoneOffset.UTC));
    }

    private static MapSqlParameterSource key(String connectorId, String callId, Kind kind) {
        return new MapSqlParameterSource("connector", connectorId).addValue("call", callId).addValue("kind", kind.name());
    }
}
