-- Search at 10,000 doctors without per-row work at query time:
--  * the GIN indexes skip the "fast update" pending list, which every search would scan
--    linearly until a vacuum merged it (doctors are written rarely, searched all the time);
--  * the sort keys are stored: the lower-case name (byte order, as core compares), the mean
--    rating rounded to two decimals as the API shows it, and the earliest qualification date
--    as a yyyymmdd number, so whole years of experience are `(today - it) / 10000`.
ALTER INDEX doctors_name_prefix_idx SET (fastupdate = off);
ALTER INDEX doctors_name_keys_idx SET (fastupdate = off);
ALTER INDEX doctors_name_trgm_idx SET (fastupdate = off);
SELECT gin_clean_pending_list('doctors_name_prefix_idx'), gin_clean_pending_list('doctors_name_keys_idx'),
       gin_clean_pending_list('doctors_name_trgm_idx');

ALTER TABLE doctors
  ADD COLUMN sort_name text COLLATE "C" NOT NULL GENERATED ALWAYS AS (lower(name)) STORED,
  ADD COLUMN rating_key double precision
    GENERATED ALWAYS AS (floor(rating_sum::float8 / nullif(rating_count, 0) * 100 + 0.5) / 100) STORED,
  ADD COLUMN qualified_on integer GENERATED ALWAYS AS (
    (extract(year FROM earliest_qualification) * 10000 + extract(month FROM earliest_qualification) * 100
      + extract(day FROM earliest_qualification))::integer
  ) STORED;

DROP INDEX doctors_name_idx;
CREATE INDEX doctors_sort_name_idx ON doctors (sort_name, id);
-- Unfiltered "best rated first" (and last) pages read along an index and stop early.
CREATE INDEX doctors_rating_idx ON doctors (rating_key DESC NULLS LAST, sort_name, id);
