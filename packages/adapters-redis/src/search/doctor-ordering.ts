import {
  compareNames,
  compareRatings,
  nameMatchRank,
  type DoctorSearchQuery,
} from '@doctorly/core';
import type { IndexFields } from './doctor-document.js';

/** The exact name rule of a search (core's, shared by every engine), re-checked on the engine's candidates. */
export const nameRank = nameMatchRank;

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
    compareNames(a.name, b.name) || a.id - b.id;
  return (a, b) => {
    switch (query.sort) {
      case 'relevance':
        return a.rank - b.rank || byName(a.fields, b.fields);
      case 'name':
        return sign * compareNames(a.fields.name, b.fields.name) || a.fields.id - b.fields.id;
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
