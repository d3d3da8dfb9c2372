-- A doctor's "card": the lists of its snapshot (specializations, qualifications, slots) as one
-- JSON document on `doctors` itself, kept in step with the three tables as `filter_keys` is
-- (0006). A search page of 20 doctors read them with three correlated subqueries per doctor
-- (six index scans and three aggregates each, plus their planning whenever the statement is
-- planned); now it reads one column of a row it fetches anyway. `json`, not `jsonb`: the card is
-- only ever sent to the application whole, and `json` goes out as stored, with no re-encoding
-- on every read.

-- The card of a doctor, from the rows of the three tables, in the orders the snapshot has always
-- had: specializations by id, qualifications by insertion (id), slots by weekday, start, id.
-- A slot's `createdAt` is written in UTC, so the text does not depend on the writer's TimeZone.
CREATE FUNCTION doctor_card(doctor integer) RETURNS json LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT json_build_object(
    'specializations', (SELECT coalesce(json_agg(json_build_object('id', sp.id, 'name', sp.name) ORDER BY sp.id), '[]'::json)
      FROM doctor_specializations ds JOIN specializations sp ON sp.id = ds.specialization_id
      WHERE ds.doctor_id = doctor),
    'qualifications', (SELECT coalesce(json_agg(json_build_object('qualificationId', q.id, 'name', q.name,
        'procurementDate', dq.procurement_date, 'institute', dq.institute) ORDER BY dq.id), '[]'::json)
      FROM doctor_qualifications dq JOIN qualifications q ON q.id = dq.qualification_id
      WHERE dq.doctor_id = doctor),
    'slots', (SELECT coalesce(json_agg(json_build_object('id', s.id, 'doctorId', s.doctor_id, 'day', s.day,
        'start', to_char(s.start, 'HH24:MI'), 'durationMinutes', s.duration_minutes, 'places', s.places,
        'fee', s.fee, 'timeZone', s.time_zone,
        'createdAt', to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
        ORDER BY array_position(ARRAY['monday','tuesday','wednesday','thursday','friday','saturday','sunday'], s.day),
                 s.start, s.id), '[]'::json)
      FROM slots s WHERE s.doctor_id = doctor))
$$;

-- A doctor without rows in the three tables (a new doctor) has empty lists.
ALTER TABLE doctors ADD COLUMN card json NOT NULL
  DEFAULT '{"specializations":[],"qualifications":[],"slots":[]}'::json;

-- The refresh that 0006's triggers (and bulk loaders, after `doctorly.defer_filter_keys`) call
-- now recomputes the card with the filter keys: the same tables change both, so one locked
-- rewrite of the doctor's row keeps both right. The lock-first order is 0006's, for the same
-- reason: a single UPDATE recomputes from its own snapshot after waiting for a concurrent
-- writer's row lock, and would lose that writer's slot from the card. `json` has no equality:
-- cards compare as text (the function writes them deterministically).
CREATE OR REPLACE FUNCTION doctors_refresh_filter_keys(doctor_ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM doctors WHERE id = ANY (doctor_ids) ORDER BY id FOR NO KEY UPDATE;
  UPDATE doctors d SET filter_keys = k.keys, card = k.card
    FROM (SELECT id, doctor_filter_keys(id) AS keys, doctor_card(id) AS card FROM unnest(doctor_ids) AS id) AS k
    WHERE d.id = k.id AND (d.filter_keys IS DISTINCT FROM k.keys OR d.card::text IS DISTINCT FROM k.card::text);
END $$;

-- The card holds catalog names: renaming a specialization or qualification (the application
-- never does; by hand it stays right) refreshes the doctors that have it.
CREATE FUNCTION doctors_catalog_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'specializations' THEN
    PERFORM doctors_refresh_filter_keys(ARRAY(
      SELECT DISTINCT ds.doctor_id FROM doctor_specializations ds JOIN new_rows n ON n.id = ds.specialization_id
        JOIN old_rows o ON o.id = n.id WHERE n.name IS DISTINCT FROM o.name));
  ELSE
    PERFORM doctors_refresh_filter_keys(ARRAY(
      SELECT DISTINCT dq.doctor_id FROM doctor_qualifications dq JOIN new_rows n ON n.id = dq.qualification_id
        JOIN old_rows o ON o.id = n.id WHERE n.name IS DISTINCT FROM o.name));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER specializations_rename_cards AFTER UPDATE ON specializations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doctors_catalog_renamed();
CREATE TRIGGER qualifications_rename_cards AFTER UPDATE ON qualifications
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doctors_catalog_renamed();

-- Levenshtein distance of a and b at most 1, as 0003's SQL function, in PL/pgSQL: the SQL body
-- has subqueries, so it is never inlined and runs up to three generate_series scans per call
-- (~14 µs; a one-word name search checks dozens of candidates, ~0.5 ms); this finds the first
-- difference and compares what follows it once (~2 µs).
CREATE OR REPLACE FUNCTION doctor_within_one_edit(a text, b text) RETURNS boolean
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  la integer := length(a);
  lb integer := length(b);
  i integer := 1;
BEGIN
  IF a = b THEN RETURN true; END IF;
  IF abs(la - lb) > 1 THEN RETURN false; END IF;
  WHILE i <= least(la, lb) AND substr(a, i, 1) = substr(b, i, 1) LOOP
    i := i + 1;
  END LOOP;
  -- After the first difference (at i) the rest must be equal: past one changed character
  -- (substitution), or with the longer word's character i left out (insertion/deletion).
  IF la = lb THEN RETURN substr(a, i + 1) = substr(b, i + 1); END IF;
  IF la > lb THEN RETURN substr(a, i + 1) = substr(b, i); END IF;
  RETURN substr(a, i) = substr(b, i + 1);
END $$;

-- Existing doctors get their card; then fresh statistics for the rewritten table.
UPDATE doctors d SET card = doctor_card(d.id);
ANALYZE doctors;
