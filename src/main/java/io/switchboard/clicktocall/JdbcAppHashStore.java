package io.switchboard.clicktocall;

import io.switchboard.vendor.callr.api.AppHashStore;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** CALLR apps the hub created, per source, in the journal table {@code vendor_apps}: created once, kept across restarts. */
final class JdbcAppHashStore implements AppHashStore {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final String sourceId;

    private JdbcAppHashStore(NamedParameterJdbcTemplate jdbc, Clock clock, String sourceId) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sourceId = sourceId;
    }

    @Override
    public Optional<String> get(String name) {
        return jdbc.queryForList("SELECT app_hash FROM vendor_apps WHERE source_id = :source AND name = :name",
                        new MapSqlParameterSource("source", sourceId).addValue("name", name), String.class)
                .stream()
                .findFirst();
    }

    @Override
    public void put(String name, String hash) {
        MapSqlParameterSource p = new MapSqlParameterSource("source", sourceId)
                .addValue("name", name)
                .addValue("hash", hash)
                .addValue("now", clock.instant().atOffset(ZoneOffset.UTC));
        if (jdbc.update("UPDATE vendor_apps SET app_hash = :hash, created_at = :now WHERE source_id = :source AND name = :name", p) == 0) {
            jdbc.update("INSERT INTO vendor_apps (source_id, name, app_hash, created_at) VALUES (:source, :name, :hash, :now)", p);
        }
    }

    /** Makes the store of one source. */
    @Component
    static class Factory {
        private final NamedParameterJdbcTemplate jdbc;
        private final Clock clock;

        Factory(NamedParameterJdbcTemplate jdbc, Clock clock) {
            this.jdbc = jdbc;
            this.clock = clock;
        }

        AppHashStore of(String sourceId) {
            return new JdbcAppHashStore(jdbc, clock, sourceId);
        }
    }
}
