-- depends-on: doctor_filter_keys, doctor_card
-- Recomputes the derived search columns of these doctors, `filter_keys` (doctor_filter_keys)
-- and `card` (doctor_card): the same tables change both, so one locked rewrite of the
-- doctor's row keeps both right. Called by the triggers of 033_doctors_filter_keys_changed and
-- 034_doctors_catalog_renamed, and by bulk loaders after `doctorly.defer_filter_keys`.
--
-- The doctors are locked first (in id order, so two writers never deadlock here; NO KEY, so
-- foreign key checks of other tables go on) and recomputed by a later statement: under READ
-- COMMITTED that statement takes its snapshot once every concurrent writer of these doctors
-- has committed, so the last writer sees every row. A single UPDATE would recompute, after
-- waiting for the lock, from its older snapshot, and lose the other writer's key or slot.
-- `json` has no equality: cards compare as text (doctor_card writes them deterministically).
CREATE OR REPLACE FUNCTION doctors_refresh_filter_keys(doctor_ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM doctors WHERE id = ANY (doctor_ids) ORDER BY id FOR NO KEY UPDATE;
  UPDATE doctors d SET filter_keys = k.keys, card = k.card
    FROM (SELECT id, doctor_filter_keys(id) AS keys, doctor_card(id) AS card FROM unnest(doctor_ids) AS id) AS k
    WHERE d.id = k.id AND (d.filter_keys IS DISTINCT FROM k.keys OR d.card::text IS DISTINCT FROM k.card::text);
END $$;

-- Applying this file brings every doctor's derived columns in step with the definitions above.
-- That is why it names the two functions it calls in `depends-on`: its checksum covers theirs,
-- so changing either re-applies this file too, and no doctor keeps a key or card computed by a
-- body that no longer exists. It is also the backfill of a database that gains the columns
-- (0006, 0009): versioned migrations add them, this fills them. Only rows whose value differs
-- are written, so on an up-to-date database it reads every doctor and writes none.
SELECT doctors_refresh_filter_keys(ARRAY(SELECT id FROM doctors ORDER BY id));
ANALYZE doctors;
