import { createTestDatabase, hasRealPostgres, type TestDatabase } from '@doctorly/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from './migrator.js';
import { PgPoolSqlClient } from './sql/pg-pool-client.js';
import { PGliteSqlClient } from './sql/pglite-client.js';
import type { SqlClient } from './sql/sql-client.js';

const tables = [
  'appointment_history', 'appointments', 'doctor_qualifications', 'doctor_specializations', 'doctors', 'outbox',
  'patients', 'qualifications', 'ratings', 'revoked_tokens', 'schema_migrations', 'sittings', 'slots', 'specializations', 'users',
];

async function tablesOf(sql: SqlClient): Promise<string[]> {
  const rows = await sql.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

describe('migrations on disk', () => {
  it('are numbered NNNN_name.sql without gaps, from the package folder', async () => {
    const migrations = await loadMigrations();
    expect(migrations.length).toBeGreaterThanOrEqual(4);
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations.every((m) => /^[0-9a-f]{64}$/.test(m.checksum))).toBe(true);
  });
});

describe('migrate on PGlite', () => {
  let sql: PGliteSqlClient;
  beforeAll(async () => {
    sql = await PGliteSqlClient.open('memory://');
  });
  afterAll(async () => {
    await sql?.close();
  });

  it('creates the schema, records each migration with its checksum, and is a no-op the second time', async () => {
    const migrations = await loadMigrations();
    const first = await migrate(sql);
    expect(first.applied).toEqual(migrations.map((m) => m.name));
    expect(await tablesOf(sql)).toEqual(tables);
    const second = await migrate(sql);
    expect(second).toEqual({ applied: [], alreadyApplied: migrations.map((m) => m.name) });
    const recorded = await sql.query<{ version: number; checksum: string }>('SELECT version, checksum FROM schema_migrations ORDER BY version');
    expect(recorded).toEqual(migrations.map((m) => ({ version: m.version, checksum: m.checksum })));
  });

  it('refuses to run when an applied migration was edited, and applies new ones', async () => {
    const migrations = await loadMigrations();
    const edited = migrations.map((m, i) => (i === 0 ? { ...m, checksum: 'changed' } : m));
    await expect(migrate(sql, edited)).rejects.toThrow(/0001_schema was changed/);
    const extra = { version: 999, name: '0999_extra', sql: 'CREATE TABLE extra (id integer);', checksum: 'x' };
    expect((await migrate(sql, [...migrations, extra])).applied).toEqual(['0999_extra']);
    // A failing migration leaves nothing behind: the run is one transaction.
    const broken = { version: 1000, name: '1000_broken', sql: 'CREATE TABLE broken (id integer); SELECT no_such_column FROM extra;', checksum: 'y' };
    await expect(migrate(sql, [...migrations, extra, broken])).rejects.toThrow();
    expect(await tablesOf(sql)).not.toContain('broken');
  });
});

describe.skipIf(!hasRealPostgres())('migrate on PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it('lets two processes start at once: one migrates, the other waits and finds nothing to do', async () => {
    if (db.kind !== 'postgres') throw new Error('expected a server');
    const a = new PgPoolSqlClient({ url: db.url, poolSize: 2 });
    const b = new PgPoolSqlClient({ url: db.url, poolSize: 2 });
    try {
      const [first, second] = await Promise.all([migrate(a), migrate(b)]);
      const all = (await loadMigrations()).map((m) => m.name);
      expect([first.applied, second.applied].sort((x, y) => x.length - y.length)).toEqual([[], all]);
      expect(await tablesOf(a)).toEqual(tables);
      expect(await migrate(a)).toEqual({ applied: [], alreadyApplied: all });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
