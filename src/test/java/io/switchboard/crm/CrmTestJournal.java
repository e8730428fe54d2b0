package io.switchboard.crm;

import java.time.Clock;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A real journal for CRM tests: a fresh in-memory H2 database migrated by Flyway. */
public final class CrmTestJournal {

    private CrmTestJournal() {}

    public static NamedParameterJdbcTemplate database() {
        DriverManagerDataSource ds =
                new DriverManagerDataSource("jdbc:h2:mem:crm-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return new NamedParameterJdbcTemplate(ds);
    }

    public static CrmRecords records() {
        return new JdbcCrmRecords(database());
    }

    public static CrmRecords records(Clock clock) {
        return new JdbcCrmRecords(database(), clock);
    }
}
