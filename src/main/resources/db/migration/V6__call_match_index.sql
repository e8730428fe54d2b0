-- Calls without a vendor call id (Keyyo templates without CALLREF) are matched by vendor, line
-- and both numbers (JdbcCallJournal.matchByNumbers); this index makes that one lookup instead of
-- a scan of every call of the line.
CREATE INDEX calls_match ON calls (vendor, line, from_number, to_number);
