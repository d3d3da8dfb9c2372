-- Several bookings in one call, for group commit (BookingGroupCommit, ADR 0008): item i
-- is exactly book_appointment_on_date(p_slot_ids[i], …) (0007_book_on_date.sql), with the
-- same outcome and the same refusals, as if it ran alone. The rows come back tagged with
-- `o_n`, the item's position.
--
-- Items run in (slot, date) order, not in the order given, so that two groups committing at
-- the same time take the sitting row locks in the same order and cannot deadlock on them.
-- Claim limits (p_max_claims, book_appointment's, NULL for none): every booking takes its
-- booker's lock (lock_user_claims, 039) before its sitting's, so in a group the order would be
-- user A, sitting X, user B, sitting Y … and two groups could wait on each other (A then X
-- against X's holder waiting for A). So the group first takes the lock of every booker with a
-- limit, in ascending user id, before any sitting: the global order is all user locks
-- (ascending), then sitting rows ((slot, date) order). The items' own calls find their user's
-- lock held already (advisory locks are re-entrant) and count the claims, including what the
-- group's earlier items booked. Test: src/grouping/booking-group-locks.integration.test.ts.
-- An error in any item (an unknown patient, a reused idempotency key) undoes the whole call:
-- the caller then runs the items one by one, so only that item fails.
-- Dropped by 042 when 042's result changes (this one returns 042's rows); so it names 042's
-- checksum: a change there re-creates this one too.
-- depends-on: book_appointment_on_date
CREATE OR REPLACE FUNCTION book_appointments_on_dates(
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
  p_idempotency_keys text[],
  p_max_claims integer[]
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
  o_doctor_user_id integer,
  o_waiting_ahead integer
) LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  i integer;
  u integer;
BEGIN
  FOR u IN SELECT DISTINCT p_booked_by[k] FROM generate_subscripts(p_slot_ids, 1) AS k
             WHERE p_max_claims[k] IS NOT NULL ORDER BY 1 LOOP
    PERFORM lock_user_claims(u);
  END LOOP;
  FOR i IN SELECT k FROM generate_subscripts(p_slot_ids, 1) AS k ORDER BY p_slot_ids[k], p_dates[k], k LOOP
    RETURN QUERY SELECT i, b.* FROM book_appointment_on_date(
      p_slot_ids[i], p_doctor_ids[i], p_dates[i], p_starts_at[i], p_ends_at[i], p_places[i], p_duration_minutes[i],
      p_patient_ids[i], p_booked_by[i], p_at[i], p_idempotency_keys[i], p_max_claims[i]) AS b;
  END LOOP;
END $$;
