-- Click-to-call (docs/api/click-to-call.md). Portable between H2 2.x and PostgreSQL 12+.

-- Vendor-side apps the hub created once and reuses (CALLR CLICKTOCALL10 app per source).
CREATE TABLE vendor_apps (
    source_id   VARCHAR(64)  NOT NULL,
    name        VARCHAR(128) NOT NULL,
    app_hash    VARCHAR(128) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (source_id, name)
);
