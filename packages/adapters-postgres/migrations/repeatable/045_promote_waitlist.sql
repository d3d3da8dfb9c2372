-- Counterpart in core: `decidePromotions` in packages/core/src/waitlist/decide-promotions.ts
-- (and the in-memory store, packages/core/src/memory/in-memory-waitlist.ts); the waitlist
-- contract suite (packages/core/src/testing/unit-of-work-contract-waitlist.ts) runs both.
-- Called by the repository's `promote`, which `promoteFreedPlaces` calls inside the very
-- transaction that freed a place (a cancellation, a reschedule away).
--
-- Under the sitting's row lock (the freeing transition holds it already: taken again, it is
-- free): a sitting not `scheduled`, or started (p_at >= starts_at), promotes nobody and its
-- waiting entries expire. Otherwise the waiting entries, first first (by id), each get the
-- lowest free queue number while one is free; an entry whose patient holds a place already
-- expires. A promotion inserts the appointment (`booked`, booked by the entry's joiner,
-- no idempotency key) and its history row (actor NULL: the system, reason 'promoted from the
-- waitlist', core's `promotionReason`), marks the entry promoted, and moves the sitting's
-- counters (booked + 1, waiting − 1, version + 1) in the same update. One row per entry it
-- changed: o_status 'promoted' (with the appointment) or 'expired'.
CREATE OR REPLACE FUNCTION promote_waitlist(
  p_sitting_id integer,
  p_at timestamptz
) RETURNS TABLE (o_entry_id integer, o_status text, o_appointment_id integer, o_queue_number integer)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  s record;
  e record;
  v_queue integer;
  v_id integer;
BEGIN
  SELECT st.id, st.slot_id, st.doctor_id, st.status, st.starts_at, st.places, st.waiting INTO s
    FROM sittings st WHERE st.id = p_sitting_id FOR UPDATE;
  IF NOT FOUND OR s.waiting = 0 THEN RETURN; END IF;
  IF s.status <> 'scheduled' OR p_at >= s.starts_at THEN
    RETURN QUERY
    WITH ended AS (
      UPDATE waitlist_entries w SET status = 'expired', ended_at = p_at
      WHERE w.sitting_id = s.id AND w.status = 'waiting' RETURNING w.id
    )
    SELECT ended.id, 'expired'::text, NULL::integer, NULL::integer FROM ended ORDER BY ended.id;
    UPDATE sittings SET waiting = 0 WHERE id = s.id;
    RETURN;
  END IF;
  FOR e IN SELECT w.id, w.patient_id, w.joined_by FROM waitlist_entries w
           WHERE w.sitting_id = s.id AND w.status = 'waiting' ORDER BY w.id LOOP
    IF EXISTS (SELECT 1 FROM appointments a
               WHERE a.sitting_id = s.id AND a.patient_id = e.patient_id AND a.status <> 'cancelled') THEN
      UPDATE waitlist_entries SET status = 'expired', ended_at = p_at WHERE id = e.id;
      UPDATE sittings SET waiting = waiting - 1 WHERE id = s.id;
      o_entry_id := e.id; o_status := 'expired'; o_appointment_id := NULL; o_queue_number := NULL;
      RETURN NEXT;
      CONTINUE;
    END IF;
    SELECT n INTO v_queue FROM generate_series(1, s.places) AS n
      WHERE n NOT IN (SELECT a.queue_number FROM appointments a WHERE a.sitting_id = s.id AND a.status <> 'cancelled')
      ORDER BY n LIMIT 1;
    EXIT WHEN v_queue IS NULL;
    INSERT INTO appointments (sitting_id, slot_id, doctor_id, patient_id, queue_number, status, booked_by, booked_at, idempotency_key)
      VALUES (s.id, s.slot_id, s.doctor_id, e.patient_id, v_queue, 'booked', e.joined_by, p_at, NULL)
      RETURNING id INTO v_id;
    INSERT INTO appointment_history (appointment_id, status, actor_id, at, reason)
      VALUES (v_id, 'booked', NULL, p_at, 'promoted from the waitlist');
    UPDATE waitlist_entries SET status = 'promoted', ended_at = p_at, appointment_id = v_id WHERE id = e.id;
    UPDATE sittings SET booked = booked + 1, waiting = waiting - 1, version = version + 1 WHERE id = s.id;
    o_entry_id := e.id; o_status := 'promoted'; o_appointment_id := v_id; o_queue_number := v_queue;
    RETURN NEXT;
  END LOOP;
END $$;
