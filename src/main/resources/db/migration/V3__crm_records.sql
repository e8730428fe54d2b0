-- CRM connectors (io.switchboard.crm). Portable between H2 2.x and PostgreSQL 12+.

-- Which CRM record each (connector instance, hub call) became: a retry, a replay or the update on
-- call end patches this record instead of creating another one.
CREATE TABLE crm_records (
    connector_id  VARCHAR(128) NOT NULL,            -- the Kamelet's connectorId parameter
    call_id       VARCHAR(36)  NOT NULL,            -- hub call id
    record_kind   VARCHAR(16)  NOT NULL,            -- CALL (the call activity), FOLLOW_UP (task for a missed call)
    crm           VARCHAR(32)  NOT NULL,            -- hubspot, salesforce, pipedrive, zoho
    record_id     VARCHAR(255) NOT NULL,            -- the CRM's id of the record
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (connector_id, call_id, record_kind)
);

-- Contacts the hub itself created for unknown callers, consulted before searching the CRM: its
-- search index lags behind creation, so a second call from the same new number seconds later
-- would not find the contact and create it again.
CREATE TABLE crm_created_contacts (
    connector_id  VARCHAR(128) NOT NULL,
    e164          VARCHAR(32)  NOT NULL,
    object_type   VARCHAR(32)  NOT NULL,            -- contact, lead, person ... as the connector names it
    record_id     VARCHAR(255) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (connector_id, e164)
);
