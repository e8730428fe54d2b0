package io.switchboard.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.crm.CrmRecords.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The (connector, hub call) → CRM record table and the created-contacts table on a real H2 journal. */
class JdbcCrmRecordsTest {

    private final CrmRecords records = CrmTestJournal.records();

    @Test
    void aRecordIsKeptPerConnectorCallAndKindAndCanBeReplaced() {
        records.remember("hubspot-main", "call-1", Kind.CALL, "hubspot", "111");
        records.remember("hubspot-main", "call-1", Kind.FOLLOW_UP, "hubspot", "222");
        records.remember("hubspot-other", "call-1", Kind.CALL, "hubspot", "333");
        records.remember("hubspot-main", "call-1", Kind.CALL, "hubspot", "444");

        assertThat(records.recordId("hubspot-main", "call-1", Kind.CALL)).contains("444");
        assertThat(records.recordId("hubspot-main", "call-1", Kind.FOLLOW_UP)).contains("222");
        assertThat(records.recordId("hubspot-other", "call-1", Kind.CALL)).contains("333");
        assertThat(records.recordId("hubspot-main", "call-2", Kind.CALL)).isEmpty();
    }

    @Test
    void createdContactsAreKeptPerConnectorAndNumber() {
        records.rememberCreatedContact("zoho-eu", "+33612345678", new CrmContact("lead", "L9", null));

        assertThat(records.createdContact("zoho-eu", "+33612345678", Duration.ofHours(1)))
                .contains(new CrmContact("lead", "L9", null));
        assertThat(records.createdContact("zoho-us", "+33612345678", Duration.ofHours(1))).isEmpty();
    }
}
