import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  createTestDatabase,
  describeOnPostgresServer,
  type TestDatabase,
} from '@doctorly/test-support';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrate } from './migrator.js';
import { PgPoolSqlClient } from './sql/pg-pool-client.js';
import { migrateAsWave1 } from './testing/wave-1-migrator.js';

/** `pg_dump --schema-only` of a database, without the random `\restrict` key of newer clients. */
async function schemaOf(url: string): Promise<string> {
  const { stdout } = await promisify(execFile)('pg_dump', ['--schema-only', '--no-owner', url], {
    maxBuffer: 16 << 20,
  });
  return stdout.replace(/^\\(un)?restrict .*$/gm, '');
}

async function migrated(
  db: TestDatabase,
  how: (sql: PgPoolSqlClient) => Promise<unknown>,
): Promise<string> {
  if (db.kind !== 'postgres') throw new Error('expected a server');
  const sql = new PgPoolSqlClient({ url: db.url, poolSize: 1 });
  try {
    await how(sql);
  } finally {
    await sql.close();
  }
  return db.url;
}

// pg_dump talks to a server: PGlite has none to offer it.
describeOnPostgresServer('schema of an upgraded database (pg_dump)')(
  'schema of a fresh database and of an upgraded one',
  () => {
    let fresh: TestDatabase;
    let upgraded: TestDatabase;
    beforeAll(async () => {
      [fresh, upgraded] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    });
    afterAll(async () => {
      await Promise.all([fresh?.dispose(), upgraded?.dispose()]);
    });

    it('is the same, object for object, whether made by the current migrations or by wave 1 then an upgrade', async () => {
      const freshUrl = await migrated(fresh, (sql) => migrate(sql));
      const upgradedUrl = await migrated(upgraded, async (sql) => {
        await migrateAsWave1(sql);
        await migrate(sql);
      });
      const [a, b] = await Promise.all([schemaOf(freshUrl), schemaOf(upgradedUrl)]);
      expect(a).toContain('CREATE FUNCTION public.book_appointment(');
      expect(b).toBe(a);
    });
  },
);
