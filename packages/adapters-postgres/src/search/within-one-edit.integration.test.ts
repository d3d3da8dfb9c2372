import { withinOneEdit } from '@doctorly/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestAdapters, type Engine, type TestAdapters } from '../testing/test-adapters.js';

// Name search's typo check runs in SQL, `doctor_within_one_edit()` (PL/pgSQL,
// migrations/repeatable/020_doctor_within_one_edit.sql); core's withinOneEdit is the reference it must agree with.

const alphabet = 'aebzë';

/** The words one deletion, insertion or substitution (over {@link alphabet}) away from `word`. */
function oneEditAway(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    out.add(word.slice(0, i) + word.slice(i + 1));
    for (const c of alphabet)
      out.add(word.slice(0, i) + c + word.slice(i)).add(word.slice(0, i) + c + word.slice(i + 1));
  }
  return [...out];
}

/** `word` with words up to two edits away, each pair both ways round. */
function pairsAround(word: string): (readonly [string, string])[] {
  const near = oneEditAway(word);
  const others = [
    ...new Set([
      ...near,
      ...near.filter((_, i) => i % 7 === 0).flatMap(oneEditAway),
      [...word].reverse().join(''),
    ]),
  ];
  return others.flatMap(
    (other) =>
      [
        [word, other],
        [other, word],
      ] as const,
  );
}

for (const engine of ['server', 'pglite'] satisfies Engine[]) {
  describe(`doctor_within_one_edit on ${engine}`, () => {
    let a: TestAdapters;
    beforeAll(async () => {
      a = await openTestAdapters(engine);
    });
    afterAll(() => a.dispose());

    it('agrees with core for words one and two edits apart, swapped, empty and non-ASCII', async () => {
      const words = ['ayesha', 'mark', 'o', 'ab', 'zoë', 'müller', 'aaaa', 'abba'];
      const pairs = words.flatMap(pairsAround);
      const rows = await a.sql.query<{ same: boolean }>(
        'SELECT doctor_within_one_edit(a, b) AS same FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS p(a, b, n) ORDER BY n',
        [pairs.map(([x]) => x), pairs.map(([, y]) => y)],
      );
      expect(rows.map((row) => row.same)).toEqual(pairs.map(([x, y]) => withinOneEdit(x, y)));
      expect(pairs.length).toBeGreaterThan(1000);
      expect(rows.filter((row) => !row.same).length).toBeGreaterThan(100);
    });
  });
}
