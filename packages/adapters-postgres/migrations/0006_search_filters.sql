-- The search filters (specialization, qualification, weekday) on `doctors` itself, as the
-- name keys (0003) and sort keys (0005) are: `filter_keys` holds one key per specialization
-- (`s:<id>`), qualification (`q:<id>`) and weekday with a slot (`d:<day>`) of the doctor, so
-- any combination of filters is one `filter_keys @> ARRAY[…]` on one GIN index. Semi-joins to
-- three tables cost ~10 ms at 10,000 doctors (a weekday alone has ~2,800 slots), twice per
-- search (count and page); the index answers in well under a millisecond.

ALTER TABLE doctors ADD COLUMN filter_keys text[] NOT NULL DEFAULT '{}';

-- Kept in step by doctors_refresh_filter_keys() and the triggers of doctors_filter_keys_changed()
-- (repeatable/030…033), which also fill it for the doctors that exist when it is added.
-- No "fast update" pending list on its index, for the reason given in 0005.
CREATE INDEX doctors_filter_keys_idx ON doctors USING gin (filter_keys) WITH (fastupdate = off);
