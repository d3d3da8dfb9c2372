-- Lock order as book_appointment (040_book_appointment.sql): the sitting row first.
-- Moves the appointments of one sitting (all of them, or just p_appointment_id) whose status
-- is in p_from to p_to, records a history entry for each (and called_at when called in,
-- completed_at when completed), and, when any moved, bumps the sitting's version and adjusts
-- its places by the appointments that left (or re-entered) the active statuses: one update
-- of the sitting row. The version rule is core's (`Sitting.version`, packages/core/src/scheduling/sitting.ts). Counterpart in core: transitionIn of
-- packages/core/src/memory/in-memory-appointment-repository.ts (the contract suite runs both).
CREATE OR REPLACE FUNCTION transition_appointments(
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
    UPDATE appointments a SET status = p_to,
      called_at = CASE WHEN p_to = 'in_consultation' THEN p_at ELSE a.called_at END,
      completed_at = CASE WHEN p_to = 'completed' THEN p_at ELSE a.completed_at END
    FROM target t WHERE a.id = t.id
    RETURNING a.id, a.sitting_id, a.slot_id, a.doctor_id, a.patient_id, a.queue_number, a.status,
              a.booked_by, a.booked_at, a.idempotency_key, a.called_at, a.completed_at, a.rescheduled_to, t.old_status
  ), history AS (
    INSERT INTO appointment_history (appointment_id, status, actor_id, at, reason)
    SELECT m.id, p_to, p_actor_id, p_at, p_reason FROM moved m
  ), places AS (
    UPDATE sittings st SET booked = st.booked + d.delta, version = st.version + 1
    FROM (SELECT count(*) AS moved, coalesce(sum(
            (CASE WHEN p_to <> 'cancelled' THEN 1 ELSE 0 END) - (CASE WHEN m.old_status <> 'cancelled' THEN 1 ELSE 0 END)
          ), 0)::integer AS delta FROM moved m) d
    WHERE st.id = v_sitting_id AND d.moved > 0
  )
  SELECT m.id, m.sitting_id, m.slot_id, m.doctor_id, m.patient_id, m.queue_number, m.status,
         m.booked_by, m.booked_at, m.idempotency_key, m.called_at, m.completed_at, m.rescheduled_to
  FROM moved m ORDER BY m.queue_number, m.id;
END $$;
