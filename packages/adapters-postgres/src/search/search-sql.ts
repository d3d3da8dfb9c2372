import { normalizeCatalogName, type DoctorSearchQuery } from '@doctorly/core';

/** Lower-case words without accents; anything but letters and digits separates words (as core's reference index). */
export function nameWords(text: string): string[] {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/** A word and each variant of it with one character deleted: the keys of `doctors.name_keys`. */
export function oneDeletionKeys(word: string): string[] {
  const chars = [...word];
  const keys = new Set([word]);
  chars.forEach((_, i) => keys.add([...chars.slice(0, i), ...chars.slice(i + 1)].join('')));
  keys.delete('');
  return [...keys];
}

/** A prefix tsquery of one word; words hold only letters and digits, so nothing is syntax. */
const prefixQuery = (words: readonly string[]) => words.map((w) => `'${w}':*`).join(' & ');

// Most words of a name query that are matched; more adds nothing but cost.
const maxWords = 8;

/** The statement of a search and its bind parameters; `undefined` when nothing can match. */
export interface SearchStatement {
  readonly text: string;
  readonly params: unknown[];
}

/**
 * Builds the search as one statement returning the `total` and the page's `ids`.
 * User input is only ever a bind parameter; the SQL text depends only on which filters are
 * set, the number of name words and the sort.
 */
export function searchStatement(query: DoctorSearchQuery, today: Date): SearchStatement | undefined {
  const params: unknown[] = [];
  const bind = (value: unknown) => `$${params.push(value)}`;
  const where: string[] = [];
  const words = query.name === undefined ? undefined : nameWords(query.name).slice(0, maxWords);
  if (words !== undefined) {
    if (words.length === 0) return undefined;
    for (const word of words) {
      where.push(`(array_to_tsvector(d.name_words) @@ ${bind(prefixQuery([word]))}::tsquery
        OR (d.name_keys && ${bind(oneDeletionKeys(word))}::text[]
            AND EXISTS (SELECT 1 FROM unnest(d.name_words) AS nw WHERE doctor_within_one_edit(${bind(word)}, nw))))`);
    }
  }
  // Catalog names resolve to one id first, so the joins run on (catalog id, doctor id) indexes.
  if (query.specialization !== undefined) {
    where.push(`EXISTS (SELECT 1 FROM doctor_specializations ds WHERE ds.doctor_id = d.id
      AND ds.specialization_id = (SELECT id FROM specializations WHERE name = ${bind(normalizeCatalogName(query.specialization))}))`);
  }
  if (query.qualification !== undefined) {
    where.push(`EXISTS (SELECT 1 FROM doctor_qualifications dq WHERE dq.doctor_id = d.id
      AND dq.qualification_id = (SELECT id FROM qualifications WHERE name = ${bind(normalizeCatalogName(query.qualification))}))`);
  }
  if (query.day !== undefined) {
    where.push(`EXISTS (SELECT 1 FROM slots sl WHERE sl.doctor_id = d.id AND sl.day = ${bind(query.day)})`);
  }

  const condition = where.length === 0 ? 'true' : where.join('\n  AND ');
  const direction = query.order === 'desc' ? 'DESC' : 'ASC';
  // Sort key and order, written over a row `r` that has `sort_name`, `sort_key` and `id`.
  let sortKey = 'NULL::float8';
  let orderBy: string;
  switch (query.sort) {
    case 'relevance':
      // 0: every word matched as a prefix; 1: some needed the typo tolerance. Best first
      // whatever the order, as core's reference index.
      if (words !== undefined) {
        sortKey = `CASE WHEN array_to_tsvector(d.name_words) @@ ${bind(prefixQuery(words))}::tsquery THEN 0 ELSE 1 END`;
      }
      orderBy = 'r.sort_key NULLS FIRST, r.sort_name, r.id';
      break;
    case 'name':
      orderBy = `r.sort_name ${direction}, r.id`;
      break;
    case 'experience': {
      // Whole years from the earliest qualification to today (UTC), 0 without one or ahead.
      const day = bind(today.getUTCFullYear() * 10_000 + (today.getUTCMonth() + 1) * 100 + today.getUTCDate());
      sortKey = `CASE WHEN d.qualified_on IS NULL OR d.qualified_on > ${day}::integer THEN 0
        ELSE (${day}::integer - d.qualified_on) / 10000 END`;
      orderBy = `r.sort_key ${direction}, r.sort_name, r.id`;
      break;
    }
    case 'rating':
      // The mean rounded to two decimals as the API shows it; doctors without ratings last.
      sortKey = 'd.rating_key';
      orderBy = `r.sort_key ${direction} NULLS LAST, r.sort_name, r.id`;
      break;
  }
  const page = `LIMIT ${bind(query.limit)} OFFSET ${bind(query.offset)}`;
  if (words === undefined) {
    // Cheap, index-driven filters: count and page separately, so that the page can stop
    // early along an index (doctors_sort_name_idx, doctors_rating_idx).
    const orderOverDoctors = orderBy.replaceAll('r.sort_key', `(${sortKey})`).replaceAll('r.', 'd.');
    const text = `SELECT (SELECT count(*) FROM doctors d WHERE ${condition})::integer AS total,
  ARRAY(SELECT d.id FROM doctors d WHERE ${condition} ORDER BY ${orderOverDoctors} ${page}) AS ids`;
    return { text, params };
  }
  // A name condition is the costly part: find the matches once, then count and page them.
  const text = `WITH matches AS MATERIALIZED (
  SELECT d.id, d.sort_name, (${sortKey})::float8 AS sort_key FROM doctors d WHERE ${condition}
)
SELECT (SELECT count(*) FROM matches)::integer AS total,
  ARRAY(SELECT r.id FROM matches r ORDER BY ${orderBy} ${page}) AS ids`;
  return { text, params };
}
