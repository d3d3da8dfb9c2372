-- Counterpart in core: `mayClaimAnother` and `BookingLimits` in
-- packages/core/src/booking/booking-limits.ts (the in-memory store counts the same claims).
--
-- A user's claims, counted under a per-user transaction lock: every writer that may add a
-- claim (a booking: book_appointment 040 and its callers; joining a waitlist) calls this
-- first, so two concurrent requests of one user are serialized and cannot pass the limit
-- together. Claims are the user's active appointments (booked, checked in, in consultation;
-- appointments_booked_by_active_idx) plus their waiting waitlist entries.
--
-- Lock order: this lock BEFORE any sitting row lock (040's order then applies), so it never
-- waits while holding a sitting. A transaction taking it for several users takes them in
-- ascending user id. Transaction-scoped (released at commit or rollback): safe behind
-- PgBouncer in transaction pooling. The first key 18 names this lock's namespace.
CREATE OR REPLACE FUNCTION lock_user_claims(p_user_id integer) RETURNS integer
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_claims integer;
BEGIN
  PERFORM pg_advisory_xact_lock(18, p_user_id);
  SELECT (SELECT count(*) FROM appointments a
            WHERE a.booked_by = p_user_id AND a.status IN ('booked', 'checked_in', 'in_consultation'))
       + (SELECT count(*) FROM waitlist_entries w
            WHERE w.joined_by = p_user_id AND w.status = 'waiting')
    INTO v_claims;
  RETURN v_claims;
END $$;
