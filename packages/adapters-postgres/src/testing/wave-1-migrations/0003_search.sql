-- Doctor search in PostgreSQL (PostgresDoctorSearchIndex), with the semantics of core's
-- reference index: a name query is split into words; each must match a word of the doctor's
-- name by prefix ("zar" → "Zara") or within one edit ("ayesa" → "Ayesha"). Both parts run
-- on GIN indexes:
--  * prefixes: a tsvector of the name's words, queried with `'word':*`;
--  * one edit: the name's words and every one-deletion variant of them ("symmetric delete"):
--    two words within one edit always share such a key, so `name_keys && keys(query word)`
--    finds every candidate; doctor_within_one_edit() then checks each candidate exactly.

-- Lower-case words without accents, anything but letters and digits separating them.
CREATE FUNCTION doctor_name_words(name text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(w), '{}') FROM unnest(regexp_split_to_array(
    lower(regexp_replace(normalize(name, NFKD), '[\u0300-\u036f]', '', 'g')), '[^[:alnum:]]+')) AS w
  WHERE w <> ''
$$;

-- Each word and each variant of it with one character deleted.
CREATE FUNCTION doctor_name_keys(words text[]) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT k), '{}') FROM (
    SELECT w AS k FROM unnest(words) AS w
    UNION ALL
    SELECT left(w, i - 1) || substr(w, i + 1) FROM unnest(words) AS w, generate_series(1, length(w)) AS i
  ) AS keys WHERE k <> ''
$$;

-- Levenshtein distance of a and b at most 1 (one insertion, deletion or substitution).
CREATE FUNCTION doctor_within_one_edit(a text, b text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT a = b
    OR (length(a) = length(b) AND EXISTS (SELECT 1 FROM generate_series(1, length(a)) AS i
          WHERE left(a, i - 1) = left(b, i - 1) AND substr(a, i + 1) = substr(b, i + 1)))
    OR (length(a) = length(b) + 1 AND EXISTS (SELECT 1 FROM generate_series(1, length(a)) AS i
          WHERE left(a, i - 1) || substr(a, i + 1) = b))
    OR (length(b) = length(a) + 1 AND EXISTS (SELECT 1 FROM generate_series(1, length(b)) AS i
          WHERE left(b, i - 1) || substr(b, i + 1) = a))
$$;

ALTER TABLE doctors ADD COLUMN name_words text[] NOT NULL GENERATED ALWAYS AS (doctor_name_words(name)) STORED;
ALTER TABLE doctors ADD COLUMN name_keys text[] NOT NULL GENERATED ALWAYS AS (doctor_name_keys(doctor_name_words(name))) STORED;

CREATE INDEX doctors_name_prefix_idx ON doctors USING gin (array_to_tsvector(name_words));
CREATE INDEX doctors_name_keys_idx ON doctors USING gin (name_keys);
-- Trigram and full-text ('simple') indexes of the whole name, for ad-hoc similarity queries.
CREATE INDEX doctors_name_trgm_idx ON doctors USING gin (lower(name) gin_trgm_ops);
CREATE INDEX doctors_name_idx ON doctors ((lower(name) COLLATE "C"), id);

-- The filters: specialization, qualification, weekday.
CREATE INDEX doctor_specializations_specialization_idx ON doctor_specializations (specialization_id, doctor_id);
CREATE INDEX doctor_qualifications_qualification_idx ON doctor_qualifications (qualification_id, doctor_id);
CREATE INDEX doctor_qualifications_doctor_idx ON doctor_qualifications (doctor_id, id);
CREATE INDEX slots_doctor_idx ON slots (doctor_id);
CREATE INDEX slots_day_doctor_idx ON slots (day, doctor_id);
