-- Statement-level, over the transition tables: a bulk insert of 1,000 slots refreshes its
-- doctors in one UPDATE, not 1,000. Inserts are all the application does (these tables are
-- append-only), but an update or delete by hand keeps the keys right too.
-- Every refresh rewrites the doctor's row and all its index entries (no HOT update: the
-- column is indexed), so a bulk loader that fills the three tables one after the other may
-- instead `SET LOCAL doctorly.defer_filter_keys = on` and call doctors_refresh_filter_keys()
-- once for its doctors before committing: one rewrite per doctor instead of three.
CREATE OR REPLACE FUNCTION doctors_filter_keys_changed() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE OR REPLACE TRIGGER doctor_specializations_insert_filter_keys AFTER INSERT ON doctor_specializations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doctors_filter_keys_changed();
CREATE OR REPLACE TRIGGER doctor_specializations_update_filter_keys AFTER UPDATE ON doctor_specializations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doctors_filter_keys_changed();
CREATE OR REPLACE TRIGGER doctor_specializations_delete_filter_keys AFTER DELETE ON doctor_specializations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION doctors_filter_keys_changed();

CREATE OR REPLACE TRIGGER doctor_qualifications_insert_filter_keys AFTER INSERT ON doctor_qualifications
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doctors_filter_keys_changed();
CREATE OR REPLACE TRIGGER doctor_qualifications_update_filter_keys AFTER UPDATE ON doctor_qualifications
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doctors_filter_keys_changed();
CREATE OR REPLACE TRIGGER doctor_qualifications_delete_filter_keys AFTER DELETE ON doctor_qualifications
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION doctors_filter_keys_changed();

CREATE OR REPLACE TRIGGER slots_insert_filter_keys AFTER INSERT ON slots
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doctors_filter_keys_changed();
CREATE OR REPLACE TRIGGER slots_update_filter_keys AFTER UPDATE ON slots
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doctors_filter_keys_changed();
CREATE OR REPLACE TRIGGER slots_delete_filter_keys AFTER DELETE ON slots
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION doctors_filter_keys_changed();
