-- Derived columns of doctors, kept in the same transaction as the rows they derive from.
-- doctors.name is a copy of users.name, so search reads one table with its indexes.
CREATE OR REPLACE FUNCTION doctors_copy_user_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE doctors SET name = NEW.name WHERE user_id = NEW.id;
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER users_name_to_doctors AFTER UPDATE OF name ON users
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION doctors_copy_user_name();
