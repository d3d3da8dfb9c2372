import { normalizeCatalogName, searchWordsOf, type DoctorSearchQuery } from '@doctorly/core';
import {
  snapshotColumns,
  snapshotsJoin,
  type SnapshotRow,
} from '../repositories/doctor-snapshot-sql.js';

/** The words of a name as core's search compares them ({@link searchWordsOf}): one rule for every index. */
export const nameWords: (text: string) => string[] = searchWordsOf;

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

/** A row of a {@link searchStatement}: a doctor of the page, or a null `id` when the page is empty. */
export type SearchRow = { readonly total: number } & (SnapshotRow | { readonly id: null });

/** The statement of a search and its bind parameters. */
export interface SearchStatement {
  readonly text: string;
  readonly params: unknown[];
  /**
   * Whether to keep the statement prepared. Each text costs a few hundred KB per connection
   * on the server, and the texts multiply with the name's word count: only searches of up to
   * {@link maxPreparedWords} words (first name, full name: nearly all of them) are kept.
   */
  readonly prepare: boolean;
}

/** The longest name query (in words) whose statement is kept prepared. */
export const maxPreparedWords = 2;

/**
 * Builds the search as one statement that returns the page's doctors as snapshot rows
 * (doctor-snapshot-sql.ts), in order, each with the `total` of matches: one round trip. An
 * empty page is one row with the `total` and a null `id`; `undefined` when nothing can
 * match. User input is only ever a bind parameter; the SQL text depends only on which
 * filters are set, the number of name words and the sort: a bounded set of texts (at most
 * 8 × 9 × 7), of which a few are in use, so the statement can stay prepared.
 */
export function searchStatement(
  query: DoctorSearchQuery,
  today: Date,
): SearchStatement | undefined {
  const params: unknown[] = [];
  const bind = (value: unknown) => `$${params.push(value)}`;
  const where: string[] = [];
  const words = query.name === undefined ? undefined : nameWords(query.name).slice(0, maxWords);
  if (words !== undefined) {
    if (words.length === 0) return undefined;
    for (const word of words) {
      // The index operands are sub-selects so that the planner never sees the word: with the
      // values in view, each word's own estimate made a "custom" plan look cheaper than the
      // prepared generic one, so PostgreSQL planned every name search afresh (~0.5 ms, reading
      // the name_keys statistics each time). Hidden, every plan costs the same and the generic
      // plan is kept after the fifth run. The GIN indexes still take them as index conditions.
      where.push(`(array_to_tsvector(d.name_words) @@ (SELECT ${bind(prefixQuery([word]))}::tsquery)
        OR (d.name_keys && (SELECT ${bind(oneDeletionKeys(word))}::text[])
            AND EXISTS (SELECT 1 FROM unnest(d.name_words) AS nw WHERE doctor_within_one_edit(${bind(word)}, nw))))`);
    }
  }
  const keys = filterKeys(query, bind);
  if (keys !== undefined) where.push(`d.filter_keys @> ${keys}`);

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
      const day = bind(
        today.getUTCFullYear() * 10_000 + (today.getUTCMonth() + 1) * 100 + today.getUTCDate(),
      );
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
  // `found`: the total and the page's ids.
  const found =
    where.length === 0
      ? // Every doctor: count them, and read the page along an index that stops early
        // (doctors_sort_name_idx, doctors_rating_idx).
        `found AS (SELECT (SELECT count(*) FROM doctors)::integer AS total,
  ARRAY(SELECT d.id FROM doctors d
    ORDER BY ${orderBy.replaceAll('r.sort_key', `(${sortKey})`).replaceAll('r.', 'd.')} ${page}) AS ids)`
      : // Find the matches once (on the GIN indexes of names and filter keys), then count and
        // page them: a materialized set is also immune to the generic plan's guessed row counts.
        `matches AS MATERIALIZED (
  SELECT d.id, d.sort_name, (${sortKey})::float8 AS sort_key FROM doctors d WHERE ${where.join('\n  AND ')}
),
found AS (SELECT (SELECT count(*) FROM matches)::integer AS total,
  ARRAY(SELECT r.id FROM matches r ORDER BY ${orderBy} ${page}) AS ids)`;
  const text = `WITH ${found}
SELECT found.total, ${snapshotColumns}
FROM found LEFT JOIN (${snapshotsJoin('found.ids')}) ON true
ORDER BY ids.n`;
  return { text, params, prepare: (words?.length ?? 0) <= maxPreparedWords };
}

/**
 * The `doctors.filter_keys` a query requires (migrations/0006_search_filters.sql) as an SQL
 * array, `undefined` without filters. Catalog names resolve to their id inside the statement:
 * an unknown name makes a NULL key, which no array contains, so nothing matches.
 */
function filterKeys(
  query: DoctorSearchQuery,
  bind: (value: unknown) => string,
): string | undefined {
  const keys: string[] = [];
  if (query.specialization !== undefined) {
    keys.push(
      `'s:' || (SELECT id FROM specializations WHERE name = ${bind(normalizeCatalogName(query.specialization))})`,
    );
  }
  if (query.qualification !== undefined) {
    keys.push(
      `'q:' || (SELECT id FROM qualifications WHERE name = ${bind(normalizeCatalogName(query.qualification))})`,
    );
  }
  if (query.day !== undefined) keys.push(`'d:' || ${bind(query.day)}::text`);
  return keys.length === 0 ? undefined : `ARRAY[${keys.join(', ')}]`;
}
