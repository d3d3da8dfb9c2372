-- The search filters (specialization, qualification, weekday) on `doctors` itself, as the
-- name keys (0003) and sort keys (0005) are: `filter_keys` holds one key per specialization
-- (`s:<id>`), qualification (`q:<id>`) and weekday with a slot (`d:<day>`) of the doctor, so
-- any combination of filters is one `filter_keys @> ARRAY[…]` on one GIN index. Semi-joins to
-- three tables cost ~10 ms at 10,000 doctors (a weekday alone has ~2,800 slots), twice per
-- search (count and page); the index answers in well under a millisecond.

ALTER TABLE doctors ADD COLUMN filter_keys text[] NOT NULL DEFAULT '{}';

-- A doctor's keys, sorted, from the rows of the three tables.
CREATE FUNCTION doctor_filter_keys(doctor integer) RETURNS text[] LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(k ORDER BY k), '{}') FROM (
    SELECT 's:' || specialization_id FROM doctor_specializations WHERE doctor_id = doctor
    UNION
    SELECT 'q:' || qualification_id FROM doctor_qualifications WHERE doctor_id = doctor
    UNION
    SELECT 'd:' || day FROM slots WHERE doctor_id = doctor
  ) AS keys (k)
$$;

-- Recomputes the keys of these doctors. The doctors are locked first (in id order, so two
-- writers never deadlock here; NO KEY, so foreign key checks of other tables go on) and
-- recomputed by a later statement: under READ COMMITTED that statement takes its snapshot
-- once every concurrent writer of these doctors has committed, so the last writer sees every
-- row. A single UPDATE would recompute, after waiting for the lock, from its older snapshot,
-- and lose the other writer's key.
CREATE FUNCTION doctors_refresh_filter_keys(doctor_ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM doctors WHERE id = ANY (doctor_ids) ORDER BY id FOR NO KEY UPDATE;
  UPDATE doctors d SET filter_keys = k.keys
    FROM (SELECT id, doctor_filter_keys(id) AS keys FROM unnest(doctor_ids) AS id) AS k
    WHERE d.id = k.id AND d.filter_keys IS DISTINCT FROM k.keys;
END $$;

-- Statement-level, over the transition tables: a bulk insert of 1,000 slots refreshes its
-- doctors in one UPDATE, not 1,000. Inserts are all the application does (these tables are
-- append-only), but an update or delete by hand keeps the keys right too.
-- Every refresh rewrites the doctor's row and all its index entries (no HOT update: the
-- column is indexed), so a bulk loader that fills the three tables one after the other may
-- instead `SET LOCAL doctorly.defer_filter_keys = on` and call doctors_refresh_filter_keys()
-- once for its doctors before committing: one rewrite per doctor instead of three.
CREATE FUNCTION doctors_filter_keys_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('doctorly.defer_filter_keys', true) = 'on' THEN
    RETURN NULL;
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM doctors_refresh_filter_keys(ARRAY(SELECT DISTINCT doctor_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM doctors_refresh_filter_keys(ARRAY(SELECT DISTINCT doctor_id FROM old_rows));
  ELSE
    PERFORM doctors_refresh_filter_keys(ARRAY(SELECT doctor_id FROM new_rows UNION SELECT doctor_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER doctor_specializations_insert_filter_keys AFTER INSERT ON doctor_specializations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doctors_filter_keys_changed();
CREATE TRIGGER doctor_specializations_update_filter_keys AFTER UPDATE ON doctor_specializations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doctors_filter_keys_changed();
CREATE TRIGGER doctor_specializations_delete_filter_keys AFTER DELETE ON doctor_specializations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION doctors_filter_keys_changed();

CREATE TRIGGER doctor_qualifications_insert_filter_keys AFTER INSERT ON doctor_qualifications
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doctors_filter_keys_changed();
CREATE TRIGGER doctor_qualifications_update_filter_keys AFTER UPDATE ON doctor_qualifications
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doctors_filter_keys_changed();
CREATE TRIGGER doctor_qualifications_delete_filter_keys AFTER DELETE ON doctor_qualifications
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION doctors_filter_keys_changed();

CREATE TRIGGER slots_insert_filter_keys AFTER INSERT ON slots
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doctors_filter_keys_changed();
CREATE TRIGGER slots_update_filter_keys AFTER UPDATE ON slots
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doctors_filter_keys_changed();
CREATE TRIGGER slots_delete_filter_keys AFTER DELETE ON slots
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION doctors_filter_keys_changed();

-- Existing doctors, then the index (built once over the backfilled rows). No "fast update"
-- pending list, for the reason given in 0005. The backfill rewrote every doctor: fresh
-- statistics let the planner see how selective each key is.
UPDATE doctors d SET filter_keys = doctor_filter_keys(d.id);
CREATE INDEX doctors_filter_keys_idx ON doctors USING gin (filter_keys) WITH (fastupdate = off);
ANALYZE doctors;
