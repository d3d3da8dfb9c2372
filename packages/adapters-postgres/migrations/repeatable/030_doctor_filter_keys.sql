-- The search filters (specialization, qualification, weekday) on `doctors` itself, as the
-- name keys (0003) and sort keys (0005) are: `filter_keys` holds one key per specialization
-- (`s:<id>`), qualification (`q:<id>`) and weekday with a slot (`d:<day>`) of the doctor, so
-- any combination of filters is one `filter_keys @> ARRAY[…]` on one GIN index. Semi-joins to
-- three tables cost ~10 ms at 10,000 doctors (a weekday alone has ~2,800 slots), twice per
-- search (count and page); the index answers in well under a millisecond.
-- A doctor's keys, sorted, from the rows of the three tables.
CREATE OR REPLACE FUNCTION doctor_filter_keys(doctor integer) RETURNS text[] LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(k ORDER BY k), '{}') FROM (
    SELECT 's:' || specialization_id FROM doctor_specializations WHERE doctor_id = doctor
    UNION
    SELECT 'q:' || qualification_id FROM doctor_qualifications WHERE doctor_id = doctor
    UNION
    SELECT 'd:' || day FROM slots WHERE doctor_id = doctor
  ) AS keys (k)
$$;
