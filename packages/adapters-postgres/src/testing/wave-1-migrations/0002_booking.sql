-- Booking and status changes as functions: one round trip each, and correct under READ
-- COMMITTED. A single CTE statement cannot be: it reads the sitting's appointments with the
-- snapshot taken before it waited for the sitting's row lock, so two bookers would pick the
-- same queue number. Inside a VOLATILE function every statement takes a fresh snapshot, so
-- after `FOR UPDATE` on the sitting it sees everything the previous lock holder committed.
--
-- Lock order, everywhere: the sitting row first, then its appointments. Every writer of an
-- appointment's status goes through these functions, so the sitting row serializes them and
-- `sittings.booked` always equals the number of its active appointments.

CREATE FUNCTION book_appointment(
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
  -- The lowest queue number no active appointment holds: a cancelled place is handed out again.
  SELECT n INTO o_queue_number FROM generate_series(1, s.places) AS n
    WHERE n NOT IN (SELECT a.queue_number FROM appointments a WHERE a.sitting_id = s.id AND a.status <> 'cancelled')
    ORDER BY n LIMIT 1;
  INSERT INTO appointments (sitting_id, slot_id, doctor_id, patient_id, queue_number, status, booked_by, booked_at, idempotency_key)
    VALUES (s.id, s.slot_id, s.doctor_id, p_patient_id, o_queue_number, 'booked', p_booked_by, p_at, p_idempotency_key)
    RETURNING id INTO o_id;
  INSERT INTO appointment_history (appointment_id, status, actor_id, at, reason)
    VALUES (o_id, 'booked', p_booked_by, p_at, NULL);
  o_outcome := 'BOOKED';
  o_slot_id := s.slot_id;
  o_doctor_id := s.doctor_id;
END $$;

-- Moves the appointments of one sitting (all of them, or just p_appointment_id) whose status
-- is in p_from to p_to, records a history entry for each, and adjusts the sitting's places
-- by the appointments that left (or re-entered) the active statuses.
CREATE FUNCTION transition_appointments(
  p_sitting_id integer,
  p_appointment_id integer,
  p_from text[],
  p_to text,
  p_actor_id integer,
  p_at timestamptz,
  p_reason text
) RETURNS SETOF appointments LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_sitting_id integer := p_sitting_id;
BEGIN
  IF v_sitting_id IS NULL THEN
    SELECT a.sitting_id INTO v_sitting_id FROM appointments a WHERE a.id = p_appointment_id;
    IF NOT FOUND THEN RETURN; END IF;
  END IF;
  PERFORM 1 FROM sittings WHERE id = v_sitting_id FOR UPDATE;
  RETURN QUERY
  WITH target AS (
    SELECT a.id, a.status AS old_status FROM appointments a
    WHERE a.sitting_id = v_sitting_id
      AND (p_appointment_id IS NULL OR a.id = p_appointment_id)
      AND a.status = ANY (p_from)
    FOR UPDATE
  ), moved AS (
    UPDATE appointments a SET status = p_to FROM target t WHERE a.id = t.id
    RETURNING a.id, a.sitting_id, a.slot_id, a.doctor_id, a.patient_id, a.queue_number, a.status,
              a.booked_by, a.booked_at, a.idempotency_key, t.old_status
  ), history AS (
    INSERT INTO appointment_history (appointment_id, status, actor_id, at, reason)
    SELECT m.id, p_to, p_actor_id, p_at, p_reason FROM moved m
  ), places AS (
    UPDATE sittings st SET booked = st.booked + d.delta
    FROM (SELECT coalesce(sum(
            (CASE WHEN p_to <> 'cancelled' THEN 1 ELSE 0 END) - (CASE WHEN m.old_status <> 'cancelled' THEN 1 ELSE 0 END)
          ), 0)::integer AS delta FROM moved m) d
    WHERE st.id = v_sitting_id AND d.delta <> 0
  )
  SELECT m.id, m.sitting_id, m.slot_id, m.doctor_id, m.patient_id, m.queue_number, m.status,
         m.booked_by, m.booked_at, m.idempotency_key
  FROM moved m ORDER BY m.queue_number, m.id;
END $$;
