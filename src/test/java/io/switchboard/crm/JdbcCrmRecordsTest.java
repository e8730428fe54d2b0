package io.switchboard.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.crm.CrmRecords.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The (connector, hub call) → CRM record table and the created-contacts table on a real H2 journal. */
class JdbcCrmRecordsTest {

    private final NamedParameterJdbcTemplate jdbc = CrmTestJournal.database();
    private final CrmRecords records = new JdbcCrmRecords(jdbc);

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
    void theCallRecordTakesThePlaceOfItsCreateSentMark() {
        records.remember("hubspot-main", "call-1", Kind.CREATE_SENT, "hubspot", "sent");
        records.remember("hubspot-main", "call-2", Kind.CREATE_SENT, "hubspot", "sent");
        assertThat(records.recordId("hubspot-main", "call-1", Kind.CREATE_SENT)).contains("sent");

        records.rememberInPlaceOfMark("hubspot-main", "call-1", "hubspot", "111");

        assertThat(records.recordId("hubspot-main", "call-1", Kind.CALL)).contains("111");
        assertThat(records.recordId("hubspot-main", "call-1", Kind.CREATE_SENT)).isEmpty();
        assertThat(records.recordId("hubspot-main", "call-2", Kind.CREATE_SENT)).as("another call's mark").contains("sent");
        assertThat(jdbc.getJdbcTemplate().queryForObject(
                "SELECT COUNT(*) FROM crm_records WHERE connector_id = 'hubspot-main' AND call_id = 'call-1'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void aMarkBesideAnOlderCallRowIsLeftAloneAndTheCallRowUpdated() {
        // What a journal written before rememberInPlaceOfMark can hold: both rows for one call.
        records.remember("hubspot-main", "call-3", Kind.CREATE_SENT, "hubspot", "sent");
        records.remember("hubspot-main", "call-3", Kind.CALL, "hubspot", "300");

        records.rememberInPlaceOfMark("hubspot-main", "call-3", "hubspot", "301");

        assertThat(records.recordId("hubspot-main", "call-3", Kind.CALL)).contains("301");
        assertThat(records.recordId("hubspot-main", "call-3", Kind.CREATE_SENT)).contains("sent");
    }

    @Test
    void aForgottenMarkIsGoneAndNothingElseIs() {
        records.remember("pipedrive-main", "call-5", Kind.CREATE_SENT, "pipedrive", "sent");
        records.remember("pipedrive-main", "call-5", Kind.FOLLOW_UP, "pipedrive", "55");
        records.remember("pipedrive-main", "call-6", Kind.CREATE_SENT, "pipedrive", "sent");
        records.remember("pipedrive-other", "call-5", Kind.CREATE_SENT, "pipedrive", "sent");

        records.forgetMark("pipedrive-main", "call-5");

        assertThat(records.recordId("pipedrive-main", "call-5", Kind.CREATE_SENT)).isEmpty();
        assertThat(records.recordId("pipedrive-main", "call-5", Kind.FOLLOW_UP)).contains("55");
        assertThat(records.recordId("pipedrive-main", "call-6", Kind.CREATE_SENT)).as("another call").contains("sent");
        assertThat(records.recordId("pipedrive-other", "call-5", Kind.CREATE_SENT)).as("another connector").contains("sent");
    }

    @Test
    void withoutAMarkTheCallRecordIsStillRemembered() {
        records.rememberInPlaceOfMark("hubspot-main", "call-4", "hubspot", "400");
        records.remember("pipedrive-main", "call-4", Kind.CALL, "pipedrive", "41");

        assertThat(records.recordId("hubspot-main", "call-4", Kind.CALL)).contains("400");
        assertThat(records.recordId("pipedrive-main", "call-4", Kind.CALL)).contains("41");
    }

    @Test
    void createdContactsAreKeptPerConnectorAndNumber() {
        records.rememberCreatedContact("zoho-eu", "+33612345678", new CrmContact("lead", "L9", null));

        assertThat(records.createdContact("zoho-eu", "+33612345678", Duration.ofHours(1)))
                .contains(new CrmContact("lead", "L9", null));
        assertThat(records.createdContact("zoho-us", "+33612345678", Duration.ofHours(1))).isEmpty();
    }
}
