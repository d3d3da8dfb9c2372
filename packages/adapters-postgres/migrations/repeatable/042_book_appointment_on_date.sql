-- The whole write of a booking in one call, so one round trip: the sitting of (slot, date),
-- created `scheduled` if missing, then a place in it by book_appointment (0002_booking.sql),
-- then the appointment's details as the repository presents them. Core still decides the
-- date and the sitting's times; this only stores them.
--
-- Correct under READ COMMITTED because every statement of a VOLATILE function takes a fresh
-- snapshot: a sitting that a concurrent booker created after the first look is found by the
-- look after the insert (ON CONFLICT waited for that booker to commit), book_appointment sees
-- the sitting's latest state once it holds its row lock, and the details read back what this
-- call wrote. A refusal is an outcome, as in book_appointment, and only ever concerns a sitting
-- that existed before (a new one is scheduled and empty); an unknown patient or a reused
-- idempotency key raise, undoing the whole statement. So a refused call creates nothing.
-- p_max_claims is book_appointment's (040): the booker's claim limit, NULL for none. With a
-- limit, the booker's lock (lock_user_claims, 039) is taken before a missing sitting is
-- inserted: the insert holds the new row (a concurrent inserter of the same date waits on
-- it), so taking the user's lock after it would reverse the order every other booking
-- follows (user first, then sitting) and two of them could deadlock. An existing sitting is
-- only read here; 040 then takes the user lock before the sitting's row lock. The claim limit
-- is the one refusal a sitting created here can meet: the sitting is then deleted again, so
-- a refused call still creates nothing (as in core, where the refused transaction is dropped).
-- The result gained o_waiting_ahead (the booking answer's live part without another read):
-- CREATE OR REPLACE cannot change a result type. book_appointments_on_dates (043) calls this
-- one and is re-created right after it.
DROP FUNCTION IF EXISTS book_appointments_on_dates(integer[], integer[], date[], timestamptz[], timestamptz[], integer[], integer[], integer[], integer[], timestamptz[], text[]);
DROP FUNCTION IF EXISTS book_appointments_on_dates(integer[], integer[], date[], timestamptz[], timestamptz[], integer[], integer[], integer[], integer[], timestamptz[], text[], integer[]);
DROP FUNCTION IF EXISTS book_appointment_on_date(integer, integer, date, timestamptz, timestamptz, integer, integer, integer, integer, timestamptz, text);
DROP FUNCTION IF EXISTS book_appointment_on_date(integer, integer, date, timestamptz, timestamptz, integer, integer, integer, integer, timestamptz, text, integer);
CREATE OR REPLACE FUNCTION book_appointment_on_date(
  p_slot_id integer,
  p_doctor_id integer,
  p_date date,
  p_starts_at timestamptz,
  p_ends_at timestamptz,
  p_places integer,
  p_duration_minutes integer,
  p_patient_id integer,
  p_booked_by integer,
  p_at timestamptz,
  p_idempotency_key text,
  p_max_claims integer DEFAULT NULL,
  OUT o_outcome text,
  OUT o_id integer,
  OUT o_sitting_id integer,
  OUT o_slot_id integer,
  OUT o_doctor_id integer,
  OUT o_queue_number integer,
  OUT o_date date,
  OUT o_sitting_starts_at timestamptz,
  OUT o_sitting_status text,
  OUT o_duration_minutes integer,
  OUT o_patient_name text,
  OUT o_patient_owner_id integer,
  OUT o_doctor_name text,
  OUT o_doctor_user_id integer,
  -- Waiting appointments (booked, checked in) ahead of the new one: its live `ahead`.
  OUT o_waiting_ahead integer
) LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  b record;
  v_created boolean := false;
BEGIN
  -- Look first: the sitting usually exists, and an INSERT … ON CONFLICT would still draw an id
  -- and take the speculative-insertion path for nothing.
  SELECT st.id INTO o_sitting_id FROM sittings st WHERE st.slot_id = p_slot_id AND st.date = p_date;
  IF NOT FOUND THEN
    IF p_max_claims IS NOT NULL THEN PERFORM lock_user_claims(p_booked_by); END IF;
    INSERT INTO sittings (slot_id, doctor_id, date, starts_at, ends_at, places, duration_minutes)
      VALUES (p_slot_id, p_doctor_id, p_date, p_starts_at, p_ends_at, p_places, p_duration_minutes)
      ON CONFLICT (slot_id, date) DO NOTHING
      RETURNING id INTO o_sitting_id;
    v_created := o_sitting_id IS NOT NULL;
    IF o_sitting_id IS NULL THEN
      SELECT st.id INTO STRICT o_sitting_id FROM sittings st WHERE st.slot_id = p_slot_id AND st.date = p_date;
    END IF;
  END IF;

  SELECT * INTO b FROM book_appointment(o_sitting_id, p_patient_id, p_booked_by, p_at, p_idempotency_key, p_max_claims);
  o_outcome := b.o_outcome;
  IF o_outcome <> 'BOOKED' THEN
    IF v_created THEN DELETE FROM sittings WHERE id = o_sitting_id; END IF;
    RETURN;
  END IF;
  o_id := b.o_id;
  o_slot_id := b.o_slot_id;
  o_doctor_id := b.o_doctor_id;
  o_queue_number := b.o_queue_number;
  SELECT st.date, st.starts_at, st.status, st.duration_minutes, p.name, p.owner_id, d.name, d.user_id
    INTO STRICT o_date, o_sitting_starts_at, o_sitting_status, o_duration_minutes,
                o_patient_name, o_patient_owner_id, o_doctor_name, o_doctor_user_id
    FROM sittings st, patients p, doctors d
    WHERE st.id = o_sitting_id AND p.id = p_patient_id AND d.id = b.o_doctor_id;
  -- Under the sitting's row lock, so exact at commit (appointments_sitting_queue_idx).
  SELECT count(*) INTO o_waiting_ahead FROM appointments a
    WHERE a.sitting_id = o_sitting_id AND a.queue_number < o_queue_number
      AND a.status IN ('booked', 'checked_in');
END $$;
