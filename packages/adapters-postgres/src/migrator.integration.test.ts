import {
  createTestDatabase,
  describeOnPostgresServer,
  type TestDatabase,
} from '@doctorly/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrationSet, migrate, type MigrationSet } from './migrator.js';
import { PgPoolSqlClient } from './sql/pg-pool-client.js';
import { PGliteSqlClient } from './sql/pglite-client.js';
import type { SqlClient } from './sql/sql-client.js';

const tables = [
  'appointment_history',
  'appointments',
  'doctor_leaves',
  'doctor_qualifications',
  'doctor_specializations',
  'doctors',
  'outbox',
  'patients',
  'qualifications',
  'ratings',
  'revoked_tokens',
  'schema_migrations',
  'schema_repeatables',
  'sittings',
  'slots',
  'specializations',
  'users',
  'waitlist_entries',
];

async function tablesOf(sql: SqlClient): Promise<string[]> {
  const rows = await sql.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

const names = (set: MigrationSet) => ({
  versioned: set.versioned.map((m) => m.name),
  repeatable: set.repeatable.map((r) => r.name),
});

describe('migrate on PGlite', () => {
  let sql: PGliteSqlClient;
  let set: MigrationSet;
  beforeAll(async () => {
    sql = await PGliteSqlClient.open('memory://');
    set = await loadMigrationSet();
  });
  afterAll(async () => {
    await sql?.close();
  });

  it('creates the schema, then applies every repeatable, recording each with its checksum', async () => {
    const first = await migrate(sql);
    expect(first).toEqual({
      applied: names(set).versioned,
      alreadyApplied: [],
      repeatables: { applied: names(set).repeatable, unchanged: [], withoutFile: [] },
    });
    expect(await tablesOf(sql)).toEqual(tables);
    expect(
      await sql.query('SELECT version, checksum FROM schema_migrations ORDER BY version'),
    ).toEqual(set.versioned.map((m) => ({ version: m.version, checksum: m.checksum })));
    expect(await sql.query('SELECT name, checksum FROM schema_repeatables ORDER BY name')).toEqual(
      set.repeatable
        .map((r) => ({ name: r.name, checksum: r.checksum }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    );
  });

  it('does nothing the second time', async () => {
    expect(await migrate(sql)).toEqual({
      applied: [],
      alreadyApplied: names(set).versioned,
      repeatables: { applied: [], unchanged: names(set).repeatable, withoutFile: [] },
    });
  });

  it('refuses to run when an applied versioned migration was edited', async () => {
    const edited = set.versioned.map((m, i) => (i === 0 ? { ...m, checksum: 'changed' } : m));
    await expect(migrate(sql, { ...set, versioned: edited })).rejects.toThrow(
      /0001_schema was changed/,
    );
  });

  it('accepts an applied migration whose recorded checksum the file supersedes', async () => {
    await sql.query(`UPDATE schema_migrations SET checksum = 'wave-1' WHERE version = 1`);
    const superseding = set.versioned.map((m, i) =>
      i === 0 ? { ...m, supersedes: ['wave-1'] } : m,
    );
    expect((await migrate(sql, { ...set, versioned: superseding })).alreadyApplied).toContain(
      '0001_schema',
    );
    await expect(migrate(sql)).rejects.toThrow(/0001_schema was changed/);
    await sql.query('UPDATE schema_migrations SET checksum = $1 WHERE version = 1', [
      set.versioned[0]!.checksum,
    ]);
  });

  it('applies a new versioned migration, and a failing one leaves nothing behind (one transaction)', async () => {
    const extra = {
      version: 999,
      name: '0999_extra',
      sql: 'CREATE TABLE extra (id integer);',
      checksum: 'x',
    };
    expect((await migrate(sql, { ...set, versioned: [...set.versioned, extra] })).applied).toEqual([
      '0999_extra',
    ]);
    const broken = {
      version: 1000,
      name: '1000_broken',
      sql: 'CREATE TABLE broken (id integer); SELECT no_such_column FROM extra;',
      checksum: 'y',
    };
    await expect(
      migrate(sql, { ...set, versioned: [...set.versioned, extra, broken] }),
    ).rejects.toThrow();
    expect(await tablesOf(sql)).not.toContain('broken');
  });

  it('re-applies a repeatable whose content changed, and only that one', async () => {
    const changed = set.repeatable.map((r) =>
      r.name === 'doctor_within_one_edit'
        ? {
            ...r,
            sql: r.sql.replace('RETURN false; END IF;', 'RETURN false; END IF; -- changed'),
            checksum: 'changed',
          }
        : r,
    );
    const report = await migrate(sql, { ...set, repeatable: changed });
    expect(report.repeatables.applied).toEqual(['doctor_within_one_edit']);
    const [body] = await sql.query<{ src: string }>(
      `SELECT prosrc AS src FROM pg_proc WHERE proname = 'doctor_within_one_edit'`,
    );
    expect(body?.src).toContain('-- changed');
    expect((await migrate(sql)).repeatables.applied).toEqual(['doctor_within_one_edit']);
  });

  it('reports a recorded repeatable that has no file any more, and leaves its function alone', async () => {
    const without = set.repeatable.filter((r) => r.name !== 'doctor_within_one_edit');
    const report = await migrate(sql, { ...set, repeatable: without });
    expect(report.repeatables).toMatchObject({
      applied: [],
      withoutFile: ['doctor_within_one_edit'],
    });
    expect(
      await sql.query(`SELECT 1 FROM pg_proc WHERE proname = 'doctor_within_one_edit'`),
    ).toHaveLength(1);
  });
});

describeOnPostgresServer('concurrent migrations')('migrate on PostgreSQL', () => {
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
      const all = names(await loadMigrationSet());
      const [idle, busy] = [first, second].sort((x, y) => x.applied.length - y.applied.length);
      expect([
        idle!.applied,
        idle!.repeatables.applied,
        busy!.applied,
        busy!.repeatables.applied,
      ]).toEqual([[], [], all.versioned, all.repeatable]);
      expect(await tablesOf(a)).toEqual(tables);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
