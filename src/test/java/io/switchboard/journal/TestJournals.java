package io.switchboard.journal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Real journals for tests outside Spring: a fresh in-memory H2 database migrated by Flyway. */
public final class TestJournals {

    private TestJournals() {}

    /** A fresh migrated in-memory H2 database. */
    public static DataSource h2() {
        DriverManagerDataSource ds = new DriverManagerDataSource(
                "jdbc:h2:mem:journal-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }

    /** The JDBC journal on {@code ds}, reading time from {@code clock}, telling {@code listeners}. */
    public static CallJournal journal(DataSource ds, Clock clock, CallChangeListener... listeners) {
        return new JdbcCallJournal(new NamedParameterJdbcTemplate(ds), clock, List.of(listeners));
    }
}
