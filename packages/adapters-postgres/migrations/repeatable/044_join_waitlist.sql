-- Counterpart in core: `decideJoin` in packages/core/src/waitlist/decide-join.ts (and the
-- in-memory store, packages/core/src/memory/in-memory-waitlist.ts); the waitlist contract
-- suite (packages/core/src/testing/unit-of-work-contract-waitlist.ts) runs both. The refusals,
-- checked in this order:
--   1. SITTING_CANCELLED      the sitting is cancelled
--   2. SITTING_CLOSED         the sitting is not scheduled, or has started (p_at >= starts_at)
--   3. PLACES_AVAILABLE       a free place and nobody waiting: book instead
--   4. ALREADY_BOOKED         the patient holds an active place in the sitting
--   5. ALREADY_WAITING        the patient waits for the sitting already
--   6. WAITLIST_FULL          3 × places entries wait already
--   7. TOO_MANY_APPOINTMENTS  the user's claims reached p_max_claims (NULL: no limit;
--                              core's rule `mayClaimAnother`, booking/booking-limits.ts)
-- (SITTING_NOT_FOUND cannot happen: the sitting of (slot, date) is created if missing.)
--
-- Lock order: lock_user_claims (039) FIRST, then the sitting row FOR UPDATE (040's order), so
-- a join never waits for a user's lock while holding a sitting. Every statement of a VOLATILE
-- function takes a fresh snapshot: after the row lock it sees what the previous holder
-- committed. `sittings.waiting` is kept equal to the number of waiting entries here, in
-- promote_waitlist (045) and in the repository's leave and expire, always under the row lock.
CREATE OR REPLACE FUNCTION join_waitlist(
  p_slot_id integer,
  p_doctor_id integer,
  p_date date,
  p_starts_at timestamptz,
  p_ends_at timestamptz,
  p_places integer,
  p_duration_minutes integer,
  p_patient_id integer,
  p_joined_by integer,
  p_at timestamptz,
  p_max_claims integer,
  OUT o_outcome text,
  OUT o_id integer
) LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_claims integer;
  v_sitting_id integer;
  s record;
BEGIN
  v_claims := lock_user_claims(p_joined_by);
  SELECT st.id INTO v_sitting_id FROM sittings st WHERE st.slot_id = p_slot_id AND st.date = p_date;
  IF NOT FOUND THEN
    INSERT INTO sittings (slot_id, doctor_id, date, starts_at, ends_at, places, duration_minutes)
      VALUES (p_slot_id, p_doctor_id, p_date, p_starts_at, p_ends_at, p_places, p_duration_minutes)
      ON CONFLICT (slot_id, date) DO NOTHING
      RETURNING id INTO v_sitting_id;
    IF v_sitting_id IS NULL THEN
      SELECT st.id INTO STRICT v_sitting_id FROM sittings st WHERE st.slot_id = p_slot_id AND st.date = p_date;
    END IF;
  END IF;
  SELECT st.id, st.slot_id, st.doctor_id, st.status, st.starts_at, st.booked, st.places, st.waiting INTO s
    FROM sittings st WHERE st.id = v_sitting_id FOR UPDATE;
  IF s.status = 'cancelled' THEN o_outcome := 'SITTING_CANCELLED'; RETURN; END IF;
  IF s.status <> 'scheduled' OR p_at >= s.starts_at THEN o_outcome := 'SITTING_CLOSED'; RETURN; END IF;
  IF s.booked < s.places AND s.waiting = 0 THEN o_outcome := 'PLACES_AVAILABLE'; RETURN; END IF;
  IF EXISTS (SELECT 1 FROM appointments a
             WHERE a.sitting_id = s.id AND a.patient_id = p_patient_id AND a.status <> 'cancelled') THEN
    o_outcome := 'ALREADY_BOOKED'; RETURN;
  END IF;
  IF EXISTS (SELECT 1 FROM waitlist_entries w
             WHERE w.sitting_id = s.id AND w.patient_id = p_patient_id AND w.status = 'waiting') THEN
    o_outcome := 'ALREADY_WAITING'; RETURN;
  END IF;
  IF s.waiting >= 3 * s.places THEN o_outcome := 'WAITLIST_FULL'; RETURN; END IF;
  IF p_max_claims IS NOT NULL AND v_claims >= p_max_claims THEN
    o_outcome := 'TOO_MANY_APPOINTMENTS'; RETURN;
  END IF;
  INSERT INTO waitlist_entries (sitting_id, slot_id, doctor_id, patient_id, joined_by, joined_at)
    VALUES (s.id, s.slot_id, s.doctor_id, p_patient_id, p_joined_by, p_at)
    RETURNING id INTO o_id;
  UPDATE sittings SET waiting = waiting + 1 WHERE id = s.id;
  o_outcome := 'JOINED';
END $$;
