import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSuiteDatabase, type SuiteDatabase } from './support/database.js';
import {
  addPatient,
  addSlot,
  book,
  registerDoctor,
  registerUser,
  weekdays,
} from './support/fixtures.js';
import { HttpClient } from './support/http-client.js';
import { RedisProcess } from './support/redis-process.js';
import { report } from './support/report.js';
import { spawnTs, startServer, jwtSecret } from './support/server-process.js';

let db: SuiteDatabase;
let redis: RedisProcess;

/** The number a `SELECT count(*)::int AS n …` answers. */
async function count(sql: string): Promise<number> {
  return (await db.rows<{ n: number }>(sql))[0]!.n;
}

/** A worker process (`--once`) and what it printed; `exit` resolves with its exit code or signal. */
interface WorkerRun {
  readonly child: ChildProcess;
  readonly exit: Promise<string>;
  output(): string;
}

function runWorker(): WorkerRun {
  const child = spawnTs('packages/worker/src/main.ts', ['--once'], {
    DATABASE_URL: db.url,
    REDIS_URL: redis.url,
    JWT_SECRET: jwtSecret,
    LOG_LEVEL: 'info',
    // Two workers on one machine: no health listener, or they would fight over its port.
    WORKER_METRICS_PORT: '0',
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? String(code))),
  );
  return { child, exit, output: () => output };
}

beforeAll(async () => {
  db = await createSuiteDatabase();
  redis = await RedisProcess.start();
  // The server creates the data (and the schema), then goes away: only workers run below.
  const server = await startServer({ DATABASE_URL: db.url, REDIS_URL: redis.url });
  const api = new HttpClient(server.url);
  try {
    const user = await registerUser(api, 'Worker User');
    const patient = await addPatient(api, user, 'Worker Patient');
    for (let d = 0; d < 4; d++) {
      const doctor = await registerDoctor(api, `Doctor W${d}`);
      const slots: number[] = [];
      for (const day of weekdays)
        slots.push(
          await addSlot(api, doctor, {
            day,
            start: '09:00',
            num_slots: 5,
            appointment_duration: 10,
          }),
        );
      await book(api, user, patient, slots[0]!);
    }
  } finally {
    api.close();
    await server.stop();
  }
  // A backlog for the relays: every event re-opened and repeated (relaying is idempotent, at least once).
  await db.rows(
    `UPDATE outbox SET completed_at = NULL, claimed_until = NULL, available_at = now() - interval '1 second'`,
  );
  await db.rows(`INSERT INTO outbox (event, created_at, available_at)
                 SELECT event, now(), now() - interval '1 second' FROM outbox, generate_series(1, 40)`);
}, 180_000);

afterAll(async () => {
  await redis?.stop();
  await db?.dispose();
});

describe('Worker: two at once, one killed mid-run', () => {
  it('no duplicate sittings, the outbox drains, nothing is lost', async () => {
    const backlog = await count(`SELECT count(*)::int AS n FROM outbox WHERE completed_at IS NULL`);
    const victim = runWorker();
    const survivor = runWorker();
    // Kill the victim once relaying is under way (the backlog is shrinking): it then holds claims.
    const killedDuring = await new Promise<string>((resolve) => {
      const check = async () => {
        const open = await count(
          `SELECT count(*)::int AS n FROM outbox WHERE completed_at IS NULL`,
        );
        // …and the victim itself is relaying: its start-up relays the outbox right after seeding the catalog.
        if (open <= backlog - 300 && /catalog seeded/.test(victim.output())) {
          victim.child.kill('SIGKILL');
          resolve(`the relay (${backlog - open} of ${backlog} entries done)`);
        } else if (victim.child.exitCode !== null) {
          resolve('nothing: it had finished');
        } else {
          setTimeout(() => void check(), 5);
        }
      };
      void check();
    });
    const [victimExit, survivorExit] = await Promise.all([victim.exit, survivor.exit]);
    const orphaned = await count(
      `SELECT count(*)::int AS n FROM outbox WHERE completed_at IS NULL AND parked_at IS NULL AND claimed_until > now()`,
    );
    // Time passes: the killed worker's leases (30 s) end. Then a cron run picks up what it held.
    await db.rows(
      `UPDATE outbox SET claimed_until = now() - interval '1 second' WHERE completed_at IS NULL AND claimed_until IS NOT NULL`,
    );
    const cron = runWorker();
    const cronExit = await cron.exit;
    const [state] = await db.rows<{
      open: number;
      parked: number;
      duplicates: number;
      gaps: number;
      slots: number;
      sittings: number;
      short: number;
    }>(`
      SELECT (SELECT count(*)::int FROM outbox WHERE completed_at IS NULL AND parked_at IS NULL) AS open,
             (SELECT count(*)::int FROM outbox WHERE parked_at IS NOT NULL) AS parked,
             (SELECT count(*)::int FROM (SELECT 1 FROM sittings GROUP BY slot_id, date HAVING count(*) > 1) x) AS duplicates,
             (SELECT count(*)::int FROM (SELECT slot_id FROM sittings GROUP BY slot_id
                HAVING max(date) - min(date) <> 7 * (count(*) - 1)) x) AS gaps,
             (SELECT count(*)::int FROM slots) AS slots,
             (SELECT count(*)::int FROM sittings) AS sittings,
             (SELECT count(*)::int FROM slots s WHERE (SELECT count(*) FROM sittings t WHERE t.slot_id = s.id) < 4) AS short`);
    const violations =
      state!.open +
      state!.parked +
      state!.duplicates +
      state!.gaps +
      state!.short +
      Number(survivorExit !== '0') +
      Number(cronExit !== '0');
    report(
      'worker-crash',
      `2 workers --once on a backlog of ${backlog} outbox entries, one SIGKILLed during ${killedDuring} (exit ${victimExit}, ${orphaned} entries left claimed), ` +
        `survivor exit ${survivorExit}, cron run after the lease exit ${cronExit}: ${state!.sittings} sittings for ${state!.slots} slots, ` +
        `${state!.duplicates} duplicate sittings, ${state!.gaps} gaps, ${state!.short} slots short of the horizon, ${state!.open} outbox entries open, ${state!.parked} parked — ${violations} violations ` +
        `(search index: PostgreSQL on this machine, consistent by construction)`,
    );
    if (violations > 0)
      process.stdout.write(
        `  survivor: ${survivor.output().slice(-1500)}\n  cron: ${cron.output().slice(-1500)}\n`,
      );
    expect(violations).toBe(0);
  });
});
