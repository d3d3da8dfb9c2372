-- The card holds catalog names: renaming a specialization or qualification (the application
-- never does; by hand it stays right) refreshes the doctors that have it.
CREATE OR REPLACE FUNCTION doctors_catalog_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE OR REPLACE TRIGGER specializations_rename_cards AFTER UPDATE ON specializations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doctors_catalog_renamed();
CREATE OR REPLACE TRIGGER qualifications_rename_cards AFTER UPDATE ON qualifications
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doctors_catalog_renamed();
