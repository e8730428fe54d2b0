-- Click-to-call timeout (issue 5): the sweep looks for RINGING calls requested before a cut-off.
-- (state, started_at) keeps that a range over the few calls in progress, not a scan of the journal.
CREATE INDEX calls_state_started ON calls (state, started_at);
-- Live-feed replay (?since=): the calls changed at or after an instant, in the order they changed.
CREATE INDEX calls_updated ON calls (updated_at);
