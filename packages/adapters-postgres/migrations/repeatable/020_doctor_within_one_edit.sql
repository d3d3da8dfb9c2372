-- Search by name (0003_search.sql): a candidate found by a shared one-deletion key is checked
-- exactly here. Levenshtein distance of a and b at most 1, in PL/pgSQL: a SQL body
-- has subqueries, so it is never inlined and runs up to three generate_series scans per call
-- (~14 µs; a one-word name search checks dozens of candidates, ~0.5 ms); this finds the first
-- difference and compares what follows it once (~2 µs).
CREATE OR REPLACE FUNCTION doctor_within_one_edit(a text, b text) RETURNS boolean
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  la integer := length(a);
  lb integer := length(b);
  i integer := 1;
BEGIN
  IF a = b THEN RETURN true; END IF;
  IF abs(la - lb) > 1 THEN RETURN false; END IF;
  WHILE i <= least(la, lb) AND substr(a, i, 1) = substr(b, i, 1) LOOP
    i := i + 1;
  END LOOP;
  -- After the first difference (at i) the rest must be equal: past one changed character
  -- (substitution), or with the longer word's character i left out (insertion/deletion).
  IF la = lb THEN RETURN substr(a, i + 1) = substr(b, i + 1); END IF;
  IF la > lb THEN RETURN substr(a, i + 1) = substr(b, i); END IF;
  RETURN substr(a, i) = substr(b, i + 1);
END $$;
