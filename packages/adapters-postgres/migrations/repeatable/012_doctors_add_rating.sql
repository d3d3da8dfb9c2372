-- Derived columns of doctors, kept in the same transaction as the rows they derive from.
-- doctors.rating_sum and rating_count: the sort key of rating (ratings are append-only).
CREATE OR REPLACE FUNCTION doctors_add_rating() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE doctors SET rating_sum = rating_sum + NEW.stars, rating_count = rating_count + 1 WHERE id = NEW.doctor_id;
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER ratings_to_doctors AFTER INSERT ON ratings FOR EACH ROW EXECUTE FUNCTION doctors_add_rating();
