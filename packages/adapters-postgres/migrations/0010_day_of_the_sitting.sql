-- The day of the sitting (issue 17): a sitting is started by its doctor (`in_progress`,
-- `started_at`) and carries a `version` that every change of it or of its appointments bumps
-- (the public board's and the live streams' event id); an appointment is called in
-- (`in_consultation`, `called_at`) and completed (`completed_at`). The statuses are core's
-- (`sittingStatuses` in packages/core/src/scheduling/sitting.ts, `appointmentStatuses` in
-- packages/core/src/booking/appointment.ts); which may follow which is core's too
-- (status-transitions.ts, sitting-lifecycle.ts). The functions that write these columns are
-- repeatable/040 (booking bumps the version) and 041 (status changes record the times).

ALTER TABLE sittings
  ADD COLUMN started_at timestamptz,
  ADD COLUMN version integer NOT NULL DEFAULT 0 CONSTRAINT sittings_version_check CHECK (version >= 0),
  DROP CONSTRAINT sittings_status_check,
  ADD CONSTRAINT sittings_status_check CHECK (status IN ('scheduled', 'in_progress', 'cancelled', 'completed')),
  -- A running sitting says when it started; a scheduled one has not.
  ADD CONSTRAINT sittings_started_check CHECK (CASE status
    WHEN 'scheduled' THEN started_at IS NULL
    WHEN 'in_progress' THEN started_at IS NOT NULL
    ELSE true END);

-- The worker closes ended sittings that are scheduled or running (listEnded).
DROP INDEX sittings_scheduled_ends_idx;
CREATE INDEX sittings_open_ends_idx ON sittings (ends_at, id) WHERE status IN ('scheduled', 'in_progress');

ALTER TABLE appointments
  ADD COLUMN called_at timestamptz,
  ADD COLUMN completed_at timestamptz,
  DROP CONSTRAINT appointments_status_check,
  ADD CONSTRAINT appointments_status_check
    CHECK (status IN ('booked', 'cancelled', 'checked_in', 'in_consultation', 'completed', 'no_show')),
  ADD CONSTRAINT appointments_called_check CHECK (status <> 'in_consultation' OR called_at IS NOT NULL);

ALTER TABLE appointment_history
  DROP CONSTRAINT appointment_history_status_check,
  ADD CONSTRAINT appointment_history_status_check
    CHECK (status IN ('booked', 'cancelled', 'checked_in', 'in_consultation', 'completed', 'no_show'));

-- A sitting's appointments of every status, by queue number: the live queue and the public
-- board read them all at once (the partial unique indexes leave cancelled ones out).
CREATE INDEX appointments_sitting_queue_idx ON appointments (sitting_id, queue_number, id);
