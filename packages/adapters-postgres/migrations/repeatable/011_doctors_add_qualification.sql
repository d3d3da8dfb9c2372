-- Derived columns of doctors, kept in the same transaction as the rows they derive from.
-- doctors.earliest_qualification: the sort key of experience (doctor_qualifications is append-only).
CREATE OR REPLACE FUNCTION doctors_add_qualification() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE doctors SET earliest_qualification = LEAST(earliest_qualification, NEW.procurement_date)
    WHERE id = NEW.doctor_id AND (earliest_qualification IS NULL OR earliest_qualification > NEW.procurement_date);
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER doctor_qualifications_to_doctors AFTER INSERT ON doctor_qualifications
  FOR EACH ROW EXECUTE FUNCTION doctors_add_qualification();
