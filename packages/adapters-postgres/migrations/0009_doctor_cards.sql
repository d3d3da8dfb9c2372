-- A doctor's "card": the lists of its snapshot (specializations, qualifications, slots) as one
-- JSON document on `doctors` itself, kept in step with the three tables as `filter_keys` is
-- (0006). A search page of 20 doctors read them with three correlated subqueries per doctor
-- (six index scans and three aggregates each, plus their planning whenever the statement is
-- planned); now it reads one column of a row it fetches anyway. `json`, not `jsonb`: the card is
-- only ever sent to the application whole, and `json` goes out as stored, with no re-encoding
-- on every read.

-- Kept in step by doctor_card() and doctors_refresh_filter_keys() (repeatable/031, 032, with the
-- triggers of 033 and 034), which also fill it for the doctors that exist when it is added.
-- A doctor without rows in the three tables (a new doctor) has empty lists.
ALTER TABLE doctors ADD COLUMN card json NOT NULL
  DEFAULT '{"specializations":[],"qualifications":[],"slots":[]}'::json;

