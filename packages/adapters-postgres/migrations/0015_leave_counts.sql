-- What a doctor's leave did, shown by GET /doctors/leave (issue 18, item 4): the sittings it
-- cancelled or recorded cancelled and the appointments it cancelled, counted by the
-- transaction that took it (and by AddSlot for a slot added during it). The rules are core's:
-- packages/core/src/leave/.
ALTER TABLE doctor_leaves
  ADD COLUMN cancelled_sittings integer NOT NULL DEFAULT 0
    CONSTRAINT doctor_leaves_cancelled_sittings_check CHECK (cancelled_sittings >= 0),
  ADD COLUMN cancelled_appointments integer NOT NULL DEFAULT 0
    CONSTRAINT doctor_leaves_cancelled_appointments_check CHECK (cancelled_appointments >= 0);

-- The sittings of a leave (re-opening it reads them).
CREATE INDEX sittings_leave_idx ON sittings (leave_id) WHERE leave_id IS NOT NULL;
