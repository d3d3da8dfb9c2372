/**
 * The search semantics every doctor-search engine shares, so that the in-memory, PostgreSQL
 * and Redis engines return the same doctors in the same order: what a name query's words
 * are, when a name matches them, and how names and ratings compare.
 */

/**
 * Lower-case words without accents; anything but letters and digits separates words
 * ("O'Neil-Baig" → `o`, `neil`, `baig`).
 * @category Search
 */
export function searchWordsOf(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/**
 * How well a name matches a query: 0 when every query word is a prefix of a name word, 1
 * when some word needed one typo (one insertion, deletion or substitution), `undefined` when
 * the name does not match (or the query has no words).
 * @category Search
 */
export function nameMatchRank(
  query: readonly string[],
  name: readonly string[],
): number | undefined {
  if (query.length === 0) return undefined;
  let rank = 0;
  for (const word of query) {
    if (name.some((n) => n.startsWith(word))) continue;
    if (!name.some((n) => withinOneEdit(word, n))) return undefined;
    rank = 1;
  }
  return rank;
}

/** Whether the Levenshtein distance of two words is at most 1. @category Search */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Case-insensitive order of names (code-point order of the lower-cased text). @category Search */
export function compareNames(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Order of ratings under `sign` (1 ascending, −1 descending); unrated doctors always last. @category Search */
export function compareRatings(a: number | null, b: number | null, sign: number): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return sign * (a - b);
}
