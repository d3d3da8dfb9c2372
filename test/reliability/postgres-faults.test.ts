import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClinic, runPool, type Clinic } from './support/clinic.js';
import { createSuiteDatabase, type SuiteDatabase } from './support/database.js';
import { book } from './support/fixtures.js';
import { HttpClient, codeOf, isErrorBody, leakScan, type Answer } from './support/http-client.js';
import { eventually, sleep } from './support/ports.js';
import { report } from './support/report.js';
import { startServer, type ServerProcess } from './support/server-process.js';
import { TcpProxy } from './support/tcp-proxy.js';

/** One booking the load makes: a patient of a user in a slot's next sitting, with its key. */
interface Job {
  readonly user: Clinic['users'][number];
  readonly patientId: number;
  readonly slotId: number;
  readonly key: string;
}

/** What the client was told about a job. */
interface Told {
  readonly job: Job;
  readonly answer: Answer | undefined;
  readonly error: string | undefined;
}

interface AppointmentRow {
  id: number;
  patient_id: number;
  slot_id: number;
  queue_number: number;
  idempotency_key: string | null;
  status: string;
}

let db: SuiteDatabase;
let proxy: TcpProxy;
let server: ServerProcess;
let api: HttpClient;
let clinic: Clinic;

beforeAll(async () => {
  db = await createSuiteDatabase();
  const target = new URL(db.url);
  proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432));
  const viaProxy = new URL(db.url);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  server = await startServer({ DATABASE_URL: viaProxy.toString(), PG_POOL_SIZE: '6' });
  api = new HttpClient(server.url);
  clinic = await buildClinic(api, { users: 4, patientsPerUser: 10 });
});

afterAll(async () => {
  api?.close();
  await server?.stop();
  await proxy?.close();
  await db?.dispose();
});

function jobsFor(slotIds: readonly number[], tag: string): Job[] {
  return clinic.users.flatMap((user) =>
    user.patientIds.flatMap((patientId) =>
      slotIds.map((slotId) => ({ user, patientId, slotId, key: `${tag}-${patientId}-${slotId}` })),
    ),
  );
}

/** Books every job (8 at a time), calling `fault` at 25 %, 50 % and 75 % of the load. */
async function bookingLoad(
  jobs: readonly Job[],
  fault: (stage: number) => Promise<void>,
): Promise<Told[]> {
  const told: Told[] = [];
  const stages = [0.25, 0.5, 0.75].map((share) => Math.floor(jobs.length * share));
  const faults: Promise<void>[] = [];
  await runPool(
    jobs,
    8,
    async (job) => {
      try {
        told.push({
          job,
          answer: await book(api, job.user.account, job.patientId, job.slotId, job.key),
          error: undefined,
        });
      } catch (error) {
        told.push({ job, answer: undefined, error: String(error) });
      }
    },
    (done) => {
      const stage = stages.indexOf(done);
      if (stage >= 0) faults.push(fault(stage));
    },
  );
  await Promise.all(faults);
  return told;
}

/** An answer that is neither a booking nor a clean 503: a wrong answer. */
function isWrong(told: Told): boolean {
  const { answer } = told;
  if (!answer) return true;
  if (answer.status === 201) return false;
  return !(answer.status === 503 && codeOf(answer) === 'UNAVAILABLE' && isErrorBody(answer.json));
}

/**
 * Retries the refused jobs with their keys until each is booked, then checks PostgreSQL:
 * every booking the client was told about exists once, as told; no job holds two places.
 */
async function settleAndVerify(told: Told[]): Promise<{
  retried: number;
  duplicates: number;
  lost: number;
  mismatched: number;
  retryFailures: number;
}> {
  const finalAnswer = new Map<string, Answer>();
  for (const t of told) if (t.answer?.status === 201) finalAnswer.set(t.job.key, t.answer);
  const refused = told.filter((t) => t.answer?.status !== 201);
  let retryFailures = 0;
  for (const t of refused) {
    const again = await book(api, t.job.user.account, t.job.patientId, t.job.slotId, t.job.key);
    if (again.status === 201) finalAnswer.set(t.job.key, again);
    else retryFailures += 1;
  }
  // The first answer a client got must stay true: a retry of a told success answers the same place.
  const rows = await db.rows<AppointmentRow>(
    `SELECT id, patient_id, slot_id, queue_number, idempotency_key, status FROM appointments WHERE idempotency_key = ANY($1)`,
    [told.map((t) => t.job.key)],
  );
  const byKey = new Map<string, AppointmentRow[]>();
  for (const row of rows)
    byKey.set(row.idempotency_key!, [...(byKey.get(row.idempotency_key!) ?? []), row]);
  let duplicates = 0;
  let lost = 0;
  let mismatched = 0;
  for (const t of told) {
    const stored = byKey.get(t.job.key) ?? [];
    if (stored.length > 1) duplicates += stored.length - 1;
    const answer = finalAnswer.get(t.job.key);
    if (!answer) continue;
    const view = answer.json as {
      id: number;
      patient_id: number;
      slot_id: number;
      queue_number: number;
    };
    const row = stored[0];
    if (!row) {
      lost += 1;
      continue;
    }
    if (
      row.id !== view.id ||
      row.patient_id !== t.job.patientId ||
      row.slot_id !== t.job.slotId ||
      row.queue_number !== view.queue_number
    ) {
      mismatched += 1;
    }
  }
  // The same first answers, read again: told successes must be the rows now.
  for (const t of told) {
    if (t.answer?.status !== 201) continue;
    const first = (t.answer.json as { id: number }).id;
    if ((finalAnswer.get(t.job.key)?.json as { id: number } | undefined)?.id !== first)
      mismatched += 1;
  }
  // No patient holds two active places in one sitting, whatever path wrote them.
  const [doubles] = await db.rows<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM appointments WHERE status <> 'cancelled'
       GROUP BY sitting_id, patient_id HAVING count(*) > 1) d`,
  );
  duplicates += doubles?.n ?? 0;
  return { retried: refused.length, duplicates, lost, mismatched, retryFailures };
}

/** Whether the server answers bookings and reads again. */
async function recovered(): Promise<boolean> {
  const answer = await api.get('/users/info', clinic.users[0]!.account.token);
  return answer.status === 200;
}

describe('PostgreSQL faults during a booking load', () => {
  it('cut connections and a short outage: 503s with a clear body, self-recovery, every told booking stored once', async () => {
    const jobs = jobsFor(clinic.slotIds.slice(0, 4), 'cut');
    let outageMs = 0;
    const told = await bookingLoad(jobs, async (stage) => {
      if (stage === 1) {
        // The database is gone for 1.5 s: open connections die, new ones are turned away.
        proxy.refuse = true;
        proxy.cut();
        const started = Date.now();
        await sleep(1_500);
        proxy.refuse = false;
        outageMs = Date.now() - started;
      } else {
        proxy.cut();
      }
    });
    const started = Date.now();
    const back = await eventually(recovered, 30_000, 100);
    const recoveryMs = Date.now() - started;
    const created = told.filter((t) => t.answer?.status === 201).length;
    const unavailable = told.filter((t) => t.answer?.status === 503).length;
    const wrong = told.filter(isWrong);
    const verdict = await settleAndVerify(told);
    const alive = server.alive();
    report(
      'postgres-cut',
      `${told.length} bookings under 2 connection cuts + a ${outageMs} ms outage (${proxy.cuts} sockets cut): ${created} created, ` +
        `${unavailable} × 503 UNAVAILABLE, ${wrong.length} other answers, ${alive ? 0 : 1} process deaths; ` +
        `recovered ${back ? `in ${recoveryMs} ms` : 'NEVER'}; ${verdict.retried} retried with their Idempotency-Key → ` +
        `${verdict.retryFailures} retry failures, ${verdict.duplicates} duplicates, ${verdict.lost} lost, ${verdict.mismatched} mismatched`,
    );
    expect(
      wrong.map((t) => t.error ?? `${t.answer?.status} ${t.answer?.text.slice(0, 200)}`),
    ).toEqual([]);
    expect(alive).toBe(true);
    expect(back).toBe(true);
    expect(verdict).toMatchObject({ retryFailures: 0, duplicates: 0, lost: 0, mismatched: 0 });
  });

  it("pg_terminate_backend on the server's connections: same guarantees", async () => {
    const jobs = jobsFor(clinic.slotIds.slice(4), 'term');
    let terminated = 0;
    const told = await bookingLoad(jobs, async () => {
      const rows = await db.rows<{ ok: boolean }>(
        `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = 'doctorly'`,
      );
      terminated += rows.filter((r) => r.ok).length;
    });
    if (!server.alive())
      throw new Error(
        `the server died under pg_terminate_backend:\n${server.output().slice(-4000)}`,
      );
    const back = await eventually(recovered, 30_000, 100);
    const created = told.filter((t) => t.answer?.status === 201).length;
    const unavailable = told.filter((t) => t.answer?.status === 503).length;
    const wrong = told.filter(isWrong);
    const verdict = await settleAndVerify(told);
    const alive = server.alive();
    report(
      'postgres-terminate',
      `${told.length} bookings, ${terminated} backends terminated in 3 rounds: ${created} created, ${unavailable} × 503, ` +
        `${wrong.length} other answers, ${alive ? 0 : 1} process deaths, recovered: ${back ? 'yes' : 'NO'}; ` +
        `${verdict.retried} retried → ${verdict.retryFailures} retry failures, ${verdict.duplicates} duplicates, ` +
        `${verdict.lost} lost, ${verdict.mismatched} mismatched`,
    );
    expect(
      wrong.map((t) => t.error ?? `${t.answer?.status} ${t.answer?.text.slice(0, 200)}`),
    ).toEqual([]);
    expect(alive).toBe(true);
    expect(back).toBe(true);
    expect(verdict).toMatchObject({ retryFailures: 0, duplicates: 0, lost: 0, mismatched: 0 });
  });

  it('no answer of this file carried a password or a hash', () => {
    report(
      'postgres-faults leak scan',
      `${leakScan.answers} answers scanned for ${leakScan.secrets.size} secrets, ${leakScan.leaks.length} leaks`,
    );
    expect(leakScan.leaks).toEqual([]);
  });
});
