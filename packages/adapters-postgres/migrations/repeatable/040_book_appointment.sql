-- Counterpart in core: `decideBooking` in packages/core/src/booking/decide-booking.ts (and the
-- in-memory store, packages/core/src/memory/in-memory-booking.ts). Both take the same decision
-- from the sitting's state and the request; the model test
-- packages/adapters-postgres/src/booking-decision.model.integration.test.ts runs both on the
-- same random command sequences. The refusals, checked in this order:
--   1. SITTING_NOT_FOUND       no such sitting
--   2. SITTING_CANCELLED       the sitting is cancelled
--   3. SITTING_CLOSED          the sitting is completed
--   4. IDEMPOTENCY_KEY_REUSED  the booker already used this key (raised, not answered: see below)
--   5. ALREADY_BOOKED          the patient holds an active place in the sitting
--   6. TOO_MANY_APPOINTMENTS   the booker holds p_max_claims claims already (NULL: no limit)
--   7. SITTING_FULL            every place is taken
-- otherwise the lowest queue number in 1…places that no active appointment holds.
-- This is the only place in SQL that takes the decision: book_appointment_on_date (042) and
-- book_appointments_on_dates (043) call it.
--
-- Booking and status changes as functions: one round trip each, and correct under READ
-- COMMITTED. A single CTE statement cannot be: it reads the sitting's appointments with the
-- snapshot taken before it waited for the sitting's row lock, so two bookers would pick the
-- same queue number. Inside a VOLATILE function every statement takes a fresh snapshot, so
-- after `FOR UPDATE` on the sitting it sees everything the previous lock holder committed.
--
-- Lock order, everywhere: the booker's claims lock (lock_user_claims, 039) first when a limit
-- is given, then the sitting row, then its appointments. Every writer of an appointment's
-- status goes through these functions, so the sitting row serializes them and
-- `sittings.booked` always equals the number of its active appointments. The claims are
-- counted under the user's lock, held to the end of the transaction, so two bookings of one
-- user cannot both pass the limit; the count is taken before the sitting lock (never wait for
-- a user while holding a sitting) but refuses in the decision's order above. Without a limit
-- (a reschedule's target booking, internal callers) no user lock is taken: those callers may
-- already hold a sitting lock.
--
-- p_max_claims (MAX_ACTIVE_APPOINTMENTS_PER_USER) was added with a DEFAULT, so a call with
-- the five earlier arguments still means "no limit"; a new parameter changes the signature,
-- hence the DROP. 042 calls this one by name at run time (PL/pgSQL), so it is not dropped.
DROP FUNCTION IF EXISTS book_appointment(integer, integer, integer, timestamptz, text);
--
-- book_appointment (0002_booking.sql) again, with a cheaper queue number. The lowest free
-- number came from generate_series(1, places) minus the taken ones: a statement whose
-- generic plan PostgreSQL judges dearer than a custom one (it cannot see `places`), so it
-- was planned anew on every booking, a third of the function's time. Now the usual case
-- is one index probe: the active appointments' numbers are distinct and `booked` counts
-- them, so when the highest is `booked` they are exactly 1…booked and the next is booked + 1.
-- Only a sitting with a freed place below its highest number takes the search.
CREATE OR REPLACE FUNCTION book_appointment(
  p_sitting_id integer,
  p_patient_id integer,
  p_booked_by integer,
  p_at timestamptz,
  p_idempotency_key text,
  p_max_claims integer DEFAULT NULL,
  OUT o_outcome text,
  OUT o_id integer,
  OUT o_queue_number integer,
  OUT o_slot_id integer,
  OUT o_doctor_id integer
) LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  s record;
  v_highest integer;
  v_claims integer;
BEGIN
  IF p_max_claims IS NOT NULL THEN v_claims := lock_user_claims(p_booked_by); END IF;
  SELECT st.id, st.slot_id, st.doctor_id, st.status, st.booked, st.places INTO s
    FROM sittings st WHERE st.id = p_sitting_id FOR UPDATE;
  IF NOT FOUND THEN o_outcome := 'SITTING_NOT_FOUND'; RETURN; END IF;
  IF s.status = 'cancelled' THEN o_outcome := 'SITTING_CANCELLED'; RETURN; END IF;
  IF s.status <> 'scheduled' THEN o_outcome := 'SITTING_CLOSED'; RETURN; END IF;
  -- A reused key is refused before the patient and the places are looked at, as core decides.
  -- Raised, not answered, exactly as the unique index would raise it at the insert below
  -- (mapDatabaseError names it IDEMPOTENCY_KEY_REUSED): the caller's statement is undone
  -- whole, so book_appointment_on_date leaves no sitting it created behind.
  IF p_idempotency_key IS NOT NULL AND EXISTS (SELECT 1 FROM appointments a
             WHERE a.booked_by = p_booked_by AND a.idempotency_key = p_idempotency_key) THEN
    RAISE unique_violation USING CONSTRAINT = 'appointments_idempotency_key',
      MESSAGE = 'The idempotency key was used for another booking.';
  END IF;
  IF EXISTS (SELECT 1 FROM appointments a
             WHERE a.sitting_id = s.id AND a.patient_id = p_patient_id AND a.status <> 'cancelled') THEN
    o_outcome := 'ALREADY_BOOKED'; RETURN;
  END IF;
  -- mayClaimAnother (core/src/booking/booking-limits.ts).
  IF p_max_claims IS NOT NULL AND v_claims >= p_max_claims THEN
    o_outcome := 'TOO_MANY_APPOINTMENTS'; RETURN;
  END IF;
  IF s.booked >= s.places THEN o_outcome := 'SITTING_FULL'; RETURN; END IF;

  -- The version too (0010_day_of_the_sitting.sql): one update of the row already locked.
  UPDATE sittings SET booked = booked + 1, version = version + 1 WHERE id = s.id;
  SELECT coalesce(max(a.queue_number), 0) INTO v_highest
    FROM appointments a WHERE a.sitting_id = s.id AND a.status <> 'cancelled';
  IF v_highest = s.booked THEN
    o_queue_number := v_highest + 1;
  ELSE
    -- The lowest number no active appointment holds: a cancelled place is handed out again.
    SELECT n INTO o_queue_number FROM generate_series(1, s.places) AS n
      WHERE n NOT IN (SELECT a.queue_number FROM appointments a WHERE a.sitting_id = s.id AND a.status <> 'cancelled')
      ORDER BY n LIMIT 1;
  END IF;
  INSERT INTO appointments (sitting_id, slot_id, doctor_id, patient_id, queue_number, status, booked_by, booked_at, idempotency_key)
    VALUES (s.id, s.slot_id, s.doctor_id, p_patient_id, o_queue_number, 'booked', p_booked_by, p_at, p_idempotency_key)
    RETURNING id INTO o_id;
  INSERT INTO appointment_history (appointment_id, status, actor_id, at, reason)
    VALUES (o_id, 'booked', p_booked_by, p_at, NULL);
  o_outcome := 'BOOKED';
  o_slot_id := s.slot_id;
  o_doctor_id := s.doctor_id;
END $$;
