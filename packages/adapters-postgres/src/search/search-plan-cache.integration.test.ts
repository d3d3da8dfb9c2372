import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestAdapters, type TestAdapters } from '../testing/test-adapters.js';
import { searchStatement } from './search-sql.js';

// A prepared search statement only pays off when PostgreSQL keeps its generic plan: a
// statement planned afresh at every run ("custom" plans) costs its planning each time. Name
// searches did so on the 10,000 demo doctors, because the planner estimated each word (see
// search-sql.ts). These data are too small to show that choice reliably, so the second test
// checks its cause: the planner cannot tell one word from another.
describe('search statements on a PostgreSQL server', () => {
  let a: TestAdapters;
  beforeAll(async () => {
    // One connection: the prepared statements and their plan counts are per session.
    a = await openTestAdapters('server', { poolSize: 1 });
    if (a.sql.engine !== 'postgres') return;
    // Enough doctors with names built from syllables that the statistics tell a common word
    // from a rare one (with a handful of doctors, every estimate is alike).
    await a.sql.query(`
      WITH names AS (
        SELECT i, (SELECT string_agg((ARRAY['ka','ri','mo','la','zen','tor','bel','sa','ni','vo','rek','dun','ash','pe','lin'])
                     [1 + abs(hashint4(i * 31 + k)) % 15], '' ORDER BY k) FROM generate_series(1, 2 + abs(hashint4(i)) % 2) AS k) AS first,
                  (SELECT string_agg((ARRAY['har','qu','sto','mi','del','gro','ven','ti','bra','ol','ske','nu'])
                     [1 + abs(hashint4(i * 17 + k)) % 12], '' ORDER BY k) FROM generate_series(1, 2 + abs(hashint4(i + 7)) % 3) AS k) AS last
        FROM generate_series(1, 3000) AS i),
      users_made AS (
        INSERT INTO users (name, email, password_hash, registered_at)
        SELECT initcap(first) || ' ' || initcap(last), 'plan' || i || '@example.com', 'x', now() FROM names RETURNING id, name)
      INSERT INTO doctors (user_id, name, description, created_at) SELECT id, name, '', now() FROM users_made`);
    await a.sql.query('ANALYZE doctors');
  });
  afterAll(() => a.dispose());

  it('keep their generic plan after the fifth run, whatever the words', async (context) => {
    if (a.sql.engine !== 'postgres') return context.skip('PGlite does not prepare statements.');
    const words = (
      await a.sql.query<{ w: string }>(
        'SELECT w FROM (SELECT DISTINCT w FROM doctors, unnest(name_words) AS w WHERE length(w) >= 3) AS words ORDER BY md5(w) LIMIT 12',
      )
    ).map((row) => row.w);
    const page = { sort: 'relevance', order: 'asc', limit: 20, offset: 0 } as const;
    for (const [i, word] of words.entries()) {
      const name = i % 3 === 0 ? word.slice(1) : word; // some with a typo
      await a.search.search({ ...page, name });
      await a.search.search({ ...page, name, specialization: 'cardiologist', day: 'monday' });
      await a.search.search({
        ...page,
        specialization: ['urologist', 'dermatologist'][i % 2]!,
        day: 'friday',
      });
    }
    const statements = await a.sql.query<{ generic: number; custom: number }>(
      'SELECT generic_plans::integer AS generic, custom_plans::integer AS custom FROM pg_prepared_statements WHERE statement LIKE $1',
      ['%matches AS MATERIALIZED%'],
    );
    expect(statements).toHaveLength(3);
    expect(statements).toEqual(statements.map(() => ({ generic: words.length - 5, custom: 5 })));
  });

  it('plans a name search alike whatever the word, so no custom plan looks cheaper than the generic one', async (context) => {
    if (a.sql.engine !== 'postgres') return context.skip('PGlite does not prepare statements.');
    // An unnamed statement is planned with its values: the planner's own estimate for each word.
    const cost = async (name: string) => {
      const statement = searchStatement(
        { name, sort: 'relevance', order: 'asc', limit: 20, offset: 0 },
        a.clock.now(),
      );
      const [row] = await a.sql.query<{ 'QUERY PLAN': [{ Plan: { 'Total Cost': number } }] }>(
        `EXPLAIN (FORMAT JSON) ${statement!.text}`,
        statement!.params,
      );
      return row!['QUERY PLAN'][0].Plan['Total Cost'];
    };
    // A syllable in a third of all names, and a word of one doctor.
    expect(await cost('ka')).toBe(await cost('delnugrohar'));
  });
});
