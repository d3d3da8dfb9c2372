import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGliteSqlClient } from '@doctorly/adapters-postgres/pglite';
import {
  createTestDatabase,
  type TestDatabase,
  describeOnPostgresServer,
} from '@doctorly/test-support';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from './command.js';
import { runCli } from './run-cli.js';

describeOnPostgresServer('doctorly CLI')('doctorly CLI', () => {
  let db: TestDatabase & { kind: 'postgres' };
  let client: pg.Client;

  async function run(argv: string[], env: Record<string, string> = {}) {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      env: { DATABASE_URL: db.url, PASSWORD_HASH_COST: 'test', LOG_LEVEL: 'silent', ...env },
      out: (line) => {
        out.push(line);
      },
      err: (line) => {
        err.push(line);
      },
    };
    const code = await runCli(argv, io);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }
  const count = async (sql: string): Promise<number> =>
    Number((await client.query<{ n: string }>(sql)).rows[0]!.n);

  beforeAll(async () => {
    const created = await createTestDatabase();
    if (created.kind !== 'postgres')
      throw new Error('The CLI tests need a PostgreSQL server (DATABASE_URL).');
    db = created;
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await db?.dispose();
  });

  it('prints usage with --help, for the tool and for each command; refuses unknown commands and options', async () => {
    const top = await run(['--help']);
    expect(top.code).toBe(0);
    for (const name of ['migrate', 'seed', 'create-admin', 'demo-data', 'reindex', 'outbox'])
      expect(top.out).toContain(name);
    const demo = await run(['demo-data', '--help']);
    expect(demo.code).toBe(0);
    expect(demo.out).toContain('Usage: doctorly demo-data --doctors <n>');
    expect((await run(['create-admin', '-h'])).out).toContain('DOCTORLY_ADMIN_PASSWORD');
    expect((await run(['frobnicate'])).code).toBe(2);
    const bad = await run(['migrate', '--force']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("Unknown option '--force'");
    expect((await run([])).code).toBe(2);
  });

  it('migrates and seeds', async () => {
    const migrated = await run(['migrate']);
    expect(migrated.code).toBe(0);
    expect(migrated.out).toContain('0001_schema');
    expect(migrated.out).toContain('book_appointment_on_date');
    expect((await run(['migrate'])).out).toContain('nothing to apply');
    const seeded = await run(['seed']);
    expect(seeded).toMatchObject({
      code: 0,
      out: 'Catalog: 36 specializations, 9 qualifications.',
    });
  });

  it('create-admin refuses without a password, with a short one, and creates an admin with one from the environment', async () => {
    const none = await run(['create-admin', '--name', 'Root', '--email', 'root@example.com']);
    expect(none.code).toBe(2);
    expect(none.err).toContain('No password');
    const short = await run(['create-admin', '--name', 'Root', '--email', 'root@example.com'], {
      DOCTORLY_ADMIN_PASSWORD: 'short',
    });
    expect(short.code).toBe(2);
    expect(short.err).toContain('at least 8');
    expect(await count(`SELECT count(*) AS n FROM users WHERE role = 'admin'`)).toBe(0);
    expect((await run(['create-admin', '--name', 'Root'])).code).toBe(2);

    const ok = await run(['create-admin', '--name', 'Root', '--email', 'Root@Example.com'], {
      DOCTORLY_ADMIN_PASSWORD: 'a long enough secret',
    });
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/Admin created: id \d+, root@example.com/);
    const again = await run(['create-admin', '--name', 'Root', '--email', 'root@example.com'], {
      DOCTORLY_ADMIN_PASSWORD: 'a long enough secret',
    });
    expect(again.code).toBe(1);
    expect(again.err).toContain('EMAIL_TAKEN');
  });

  it('demo-data --doctors 200 loads consistent, reproducible data', async () => {
    const before = await count(
      `SELECT count(*) AS n FROM outbox WHERE event->>'type' = 'catalog.changed'`,
    );
    const loaded = await run(['demo-data', '--doctors', '200', '--batch', '64']);
    expect(loaded.code, loaded.err).toBe(0);
    expect(loaded.out).toMatch(/Loaded 200 doctors .* 300 users, 1\d\d patients/);
    expect(await count('SELECT count(*) AS n FROM doctors')).toBe(200);
    expect(
      await count(
        'SELECT count(*) AS n FROM doctors d WHERE NOT EXISTS (SELECT 1 FROM slots s WHERE s.doctor_id = d.id)',
      ),
    ).toBe(0);
    expect(
      await count(
        'SELECT count(*) AS n FROM doctors d WHERE NOT EXISTS (SELECT 1 FROM doctor_specializations s WHERE s.doctor_id = d.id)',
      ),
    ).toBe(0);
    expect(
      await count('SELECT count(*) AS n FROM doctors WHERE earliest_qualification IS NULL'),
    ).toBe(0);
    expect(await count('SELECT count(*) AS n FROM patients')).toBeGreaterThanOrEqual(100);
    expect(await count('SELECT count(*) AS n FROM appointments')).toBeGreaterThan(20);
    // Places held match the appointments, each with its history entry; sittings are unique and in the future.
    expect(
      await count(`SELECT count(*) AS n FROM sittings s
      WHERE s.booked <> (SELECT count(*) FROM appointments a WHERE a.sitting_id = s.id AND a.status <> 'cancelled')`),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM appointments a WHERE NOT EXISTS (SELECT 1 FROM appointment_history h WHERE h.appointment_id = a.id)`,
      ),
    ).toBe(0);
    expect(await count('SELECT count(*) AS n FROM sittings WHERE starts_at <= now()')).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM outbox WHERE event->>'type' = 'catalog.changed'`),
    ).toBeGreaterThan(before);

    const names = async () =>
      (await client.query<{ name: string }>('SELECT name FROM doctors ORDER BY id')).rows.map(
        (r) => r.name,
      );
    const first = await names();
    expect((await run(['demo-data', '--doctors', '200'])).code).toBe(0);
    expect((await names()).slice(200)).toEqual(first); // same seed, same people (fresh emails)
    expect(await count('SELECT count(DISTINCT email) AS n FROM users')).toBe(
      await count('SELECT count(*) AS n FROM users'),
    );
  });

  it('reindex and outbox report', async () => {
    const reindexed = await run(['reindex']);
    expect(reindexed.code).toBe(0);
    expect(reindexed.out).toContain('400 documents written');
    await client.query(`INSERT INTO outbox (event, created_at, available_at, attempts, parked_at, last_error)
      VALUES ('{"type":"doctor.changed","doctorId":1}', now(), now(), 8, now(), 'index unreachable')`);
    const outbox = await run(['outbox']);
    expect(outbox.code).toBe(0);
    expect(outbox.out).toContain('Parked (1):');
    expect(outbox.out).toContain('last error: index unreachable');
  });
});

describe('doctorly CLI on the embedded default (no DATABASE_URL)', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'doctorly-cli-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('demo-data loads into the PGlite database in DATA_DIR', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['demo-data', '--doctors', '20'], {
      env: { DATA_DIR: dataDir, PASSWORD_HASH_COST: 'test', LOG_LEVEL: 'silent' },
      out: (line) => {
        out.push(line);
      },
      err: (line) => {
        err.push(line);
      },
    });
    expect(code, err.join('\n')).toBe(0);
    expect(out.join('\n')).toMatch(/Loaded 20 doctors .* 30 users/);
    // Opened only now: the command has closed its own (PGlite admits one opening at a time).
    const sql = await PGliteSqlClient.open(join(dataDir, 'pglite'));
    try {
      const count = async (text: string) => Number((await sql.query<{ n: unknown }>(text))[0]!.n);
      expect(await count('SELECT count(*) AS n FROM doctors')).toBe(20); // the new folder's small demo set is not added
      expect(await count('SELECT count(*) AS n FROM users')).toBe(30);
      expect(await count('SELECT count(*) AS n FROM patients')).toBeGreaterThanOrEqual(10);
      expect(
        await count(`SELECT count(*) AS n FROM sittings s
        WHERE s.booked <> (SELECT count(*) FROM appointments a WHERE a.sitting_id = s.id AND a.status <> 'cancelled')`),
      ).toBe(0);
    } finally {
      await sql.close();
    }
  }, 120_000);
});
