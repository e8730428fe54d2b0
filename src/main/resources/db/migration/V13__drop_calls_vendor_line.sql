-- calls_vendor_line (vendor, line, state) served no query that calls_match (vendor, line,
-- from_number, to_number) does not: every filter on vendor and line uses that prefix, and filters
-- on state alone use calls_state_started. Because it held the state, every state change of every
-- call removed and re-added an entry in it; the journal writer is faster without it.
DROP INDEX calls_vendor_line;
