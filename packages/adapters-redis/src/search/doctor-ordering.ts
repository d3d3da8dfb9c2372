import type { DoctorSearchQuery } from '@doctorly/core';
import type { IndexFields } from './doctor-document.js';

/**
 * The exact name rule of a search, checked in code on the engine's candidates: 0 when every
 * query word is a prefix of a name word, 1 when some needed one typo, `undefined` for no
 * match. Same rule as core's in-memory index, so every engine returns the same doctors.
 */
export function nameRank(query: readonly string[], name: readonly string[]): number | undefined {
  if (query.length === 0) return undefined;
  let rank = 0;
  for (const word of query) {
    if (name.some((n) => n.startsWith(word))) continue;
    if (!name.some((n) => withinOneEdit(word, n))) return undefined;
    rank = 1;
  }
  return rank;
}

/** A candidate of a search: its index fields and its name rank. */
export interface Candidate {
  readonly key: string;
  readonly fields: IndexFields;
  readonly rank: number;
}

/** The ranking candidates' order: the contract's, as core's in-memory index defines it. */
export function compareCandidates(
  query: Pick<DoctorSearchQuery, 'sort' | 'order'>,
): (a: Candidate, b: Candidate) => number {
  const sign = query.order === 'desc' ? -1 : 1;
  const byName = (a: IndexFields, b: IndexFields): number =>
    compareText(a.name, b.name) || a.id - b.id;
  return (a, b) => {
    switch (query.sort) {
      case 'relevance':
        return a.rank - b.rank || byName(a.fields, b.fields);
      case 'name':
        return sign * compareText(a.fields.name, b.fields.name) || a.fields.id - b.fields.id;
      case 'experience':
        return sign * (a.fields.experience - b.fields.experience) || byName(a.fields, b.fields);
      case 'rating':
        return compareRatings(a.fields.rating, b.fields.rating, sign) || byName(a.fields, b.fields);
    }
  };
}

/** Splits an indexed `words` field back into words. */
export function indexedWords(fields: IndexFields): string[] {
  return fields.words === '' ? [] : fields.words.split(' ');
}

/** Levenshtein distance at most 1 (one insertion, deletion or substitution). */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareRatings(a: number | null, b: number | null, sign: number): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return sign * (a - b);
}
