-- Several bookings in one call, for group commit (BookingGroupCommit, ADR 0008): item i
-- is exactly book_appointment_on_date(p_slot_ids[i], …) (0007_book_on_date.sql), with the
-- same outcome and the same refusals, as if it ran alone. The rows come back tagged with
-- `o_n`, the item's position.
--
-- Items run in (slot, date) order, not in the order given, so that two groups committing at
-- the same time take the sitting row locks in the same order and cannot deadlock on them.
-- An error in any item (an unknown patient, a reused idempotency key) undoes the whole call:
-- the caller then runs the items one by one, so only that item fails.
CREATE FUNCTION book_appointments_on_dates(
  p_slot_ids integer[],
  p_doctor_ids integer[],
  p_dates date[],
  p_starts_at timestamptz[],
  p_ends_at timestamptz[],
  p_places integer[],
  p_duration_minutes integer[],
  p_patient_ids integer[],
  p_booked_by integer[],
  p_at timestamptz[],
  p_idempotency_keys text[]
) RETURNS TABLE (
  o_n integer,
  o_outcome text,
  o_id integer,
  o_sitting_id integer,
  o_slot_id integer,
  o_doctor_id integer,
  o_queue_number integer,
  o_date date,
  o_sitting_starts_at timestamptz,
  o_sitting_status text,
  o_duration_minutes integer,
  o_patient_name text,
  o_patient_owner_id integer,
  o_doctor_name text,
  o_doctor_user_id integer
) LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  i integer;
BEGIN
  FOR i IN SELECT k FROM generate_subscripts(p_slot_ids, 1) AS k ORDER BY p_slot_ids[k], p_dates[k], k LOOP
    RETURN QUERY SELECT i, b.* FROM book_appointment_on_date(
      p_slot_ids[i], p_doctor_ids[i], p_dates[i], p_starts_at[i], p_ends_at[i], p_places[i], p_duration_minutes[i],
      p_patient_ids[i], p_booked_by[i], p_at[i], p_idempotency_keys[i]) AS b;
  END LOOP;
END $$;

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
  OUT o_outcome text,
  OUT o_id integer,
  OUT o_queue_number integer,
  OUT o_slot_id integer,
  OUT o_doctor_id integer
) LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  s record;
  v_highest integer;
BEGIN
  SELECT st.id, st.slot_id, st.doctor_id, st.status, st.booked, st.places INTO s
    FROM sittings st WHERE st.id = p_sitting_id FOR UPDATE;
  IF NOT FOUND THEN o_outcome := 'SITTING_NOT_FOUND'; RETURN; END IF;
  IF s.status = 'cancelled' THEN o_outcome := 'SITTING_CANCELLED'; RETURN; END IF;
  IF s.status <> 'scheduled' THEN o_outcome := 'SITTING_CLOSED'; RETURN; END IF;
  IF EXISTS (SELECT 1 FROM appointments a
             WHERE a.sitting_id = s.id AND a.patient_id = p_patient_id AND a.status <> 'cancelled') THEN
    o_outcome := 'ALREADY_BOOKED'; RETURN;
  END IF;
  IF s.booked >= s.places THEN o_outcome := 'SITTING_FULL'; RETURN; END IF;

  UPDATE sittings SET booked = booked + 1 WHERE id = s.id;
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
