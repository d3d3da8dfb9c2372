-- A doctor's "card": the lists of its snapshot (specializations, qualifications, slots) as one
-- JSON document on `doctors` itself, kept in step with the three tables as `filter_keys` is
-- (0006). A search page of 20 doctors read them with three correlated subqueries per doctor
-- (six index scans and three aggregates each, plus their planning whenever the statement is
-- planned); now it reads one column of a row it fetches anyway. `json`, not `jsonb`: the card is
-- only ever sent to the application whole, and `json` goes out as stored, with no re-encoding
-- on every read.
-- The card of a doctor, from the rows of the three tables, in the orders the snapshot has always
-- had: specializations by id, qualifications by insertion (id), slots by weekday, start, id.
-- A slot's `createdAt` is written in UTC, so the text does not depend on the writer's TimeZone.
CREATE OR REPLACE FUNCTION doctor_card(doctor integer) RETURNS json LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT json_build_object(
    'specializations', (SELECT coalesce(json_agg(json_build_object('id', sp.id, 'name', sp.name) ORDER BY sp.id), '[]'::json)
      FROM doctor_specializations ds JOIN specializations sp ON sp.id = ds.specialization_id
      WHERE ds.doctor_id = doctor),
    'qualifications', (SELECT coalesce(json_agg(json_build_object('qualificationId', q.id, 'name', q.name,
        'procurementDate', dq.procurement_date, 'institute', dq.institute) ORDER BY dq.id), '[]'::json)
      FROM doctor_qualifications dq JOIN qualifications q ON q.id = dq.qualification_id
      WHERE dq.doctor_id = doctor),
    'slots', (SELECT coalesce(json_agg(json_build_object('id', s.id, 'doctorId', s.doctor_id, 'day', s.day,
        'start', to_char(s.start, 'HH24:MI'), 'durationMinutes', s.duration_minutes, 'places', s.places,
        'fee', s.fee, 'timeZone', s.time_zone,
        'createdAt', to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
        ORDER BY array_position(ARRAY['monday','tuesday','wednesday','thursday','friday','saturday','sunday'], s.day),
                 s.start, s.id), '[]'::json)
      FROM slots s WHERE s.doctor_id = doctor))
$$;
