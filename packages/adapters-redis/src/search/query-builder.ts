import { normalizeCatalogName, searchWordsOf, type DoctorSearchQuery } from '@doctorly/core';

/** Aliases of the index fields the query refers to (see the search schema). */
export const searchFields = {
  words: 'name_words',
  specializations: 'specializations',
  qualifications: 'qualifications',
  days: 'days',
} as const;

/** What a doctor search asks the Redis Query Engine, and what is left to check in code. */
export interface DoctorQueryPlan {
  /** An `FT.SEARCH` query in the default dialect; `*` when nothing filters. */
  readonly query: string;
  /** The words of the name query, for ranking and the exact name check in code. */
  readonly nameWords: readonly string[] | undefined;
  /** `true` when nothing can match (a name without any word, an empty catalog name). */
  readonly matchesNothing: boolean;
}

/** Words the engine's prefix/fuzzy matching handles; shorter ones are checked in code only. */
const minimumIndexedWordLength = 2;
/** More words than this add no precision worth a longer query; the rest is checked in code. */
const maximumQueryWords = 10;

/**
 * The words of a name, as indexed and as searched: lower case, accents removed, anything
 * but a letter or a digit is a separator (so punctuation in user input can never become
 * query syntax). Same rule as core's in-memory index, so both engines agree on matches.
 */
export const wordsOf: (text: string) => string[] = searchWordsOf;

/**
 * Query syntax is ASCII: every ASCII character that is neither a letter, a digit nor `_`
 * (spaces, punctuation, `*`, `%`, `{`, `}`, `|`, `@`, `\\`, control characters…) gets a
 * backslash, which the query parser reads as "this character, literally". Letters and digits
 * of any script, and other non-ASCII characters, are never syntax and pass as they are.
 */
// eslint-disable-next-line no-control-regex -- control characters are escaped on purpose
const querySyntax = /[\x00-\x2F\x3A-\x40\x5B-\x5E\x60\x7B-\x7F]/g;

/**
 * Escapes a value for a TAG query `@field:{…}` so it is matched literally: it can neither
 * close the braces, nor become a prefix (`*`), an OR (`|`) or another field (`@`).
 */
export function escapeTagValue(value: string): string {
  return value.replace(querySyntax, (c) => `\\${c}`);
}

/**
 * Escapes a single TEXT term the same way. Terms made by {@link wordsOf} contain no such
 * character; escaping anyway keeps the builder safe if that rule ever changes.
 */
export function escapeTextTerm(term: string): string {
  return term.replace(querySyntax, (c) => `\\${c}`);
}

/**
 * Builds the RediSearch query of a doctor search. Every filter is required (clauses are
 * intersected). A name word matches an indexed word by prefix or within one edit:
 * `(zar*|%zar%)`. The query engine is a candidate filter; the adapter re-checks names in code
 * with the exact rule, so words too short for the engine (one letter) are left to that check.
 */
export function buildDoctorQuery(
  search: Pick<DoctorSearchQuery, 'name' | 'specialization' | 'qualification' | 'day'>,
): DoctorQueryPlan {
  const clauses: string[] = [];
  let nameWords: string[] | undefined;
  let matchesNothing = false;
  if (search.name !== undefined) {
    nameWords = wordsOf(search.name);
    if (nameWords.length === 0) matchesNothing = true;
    const indexed = [...new Set(nameWords)]
      .filter((w) => w.length >= minimumIndexedWordLength)
      .slice(0, maximumQueryWords);
    if (indexed.length > 0) {
      const terms = indexed.map((w) => escapeTextTerm(w)).map((w) => `(${w}*|%${w}%)`);
      clauses.push(`@${searchFields.words}:(${terms.join(' ')})`);
    }
  }
  for (const [field, value] of [
    [searchFields.specializations, search.specialization],
    [searchFields.qualifications, search.qualification],
    [searchFields.days, search.day],
  ] as const) {
    if (value === undefined) continue;
    const name = normalizeCatalogName(value);
    if (name === '') matchesNothing = true;
    else clauses.push(`@${field}:{${escapeTagValue(name)}}`);
  }
  return { query: clauses.length === 0 ? '*' : clauses.join(' '), nameWords, matchesNothing };
}
