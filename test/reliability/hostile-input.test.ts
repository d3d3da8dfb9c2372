import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPool } from './support/clinic.js';
import {
  changedTables,
  createSuiteDatabase,
  tableDigests,
  type SuiteDatabase,
} from './support/database.js';
import {
  addPatient,
  addSlot,
  book,
  expectStatus,
  registerDoctor,
  registerUser,
} from './support/fixtures.js';
import { hostileRequest, nastyStrings, pct, type AttackKind } from './support/hostile-requests.js';
import { HttpClient, isErrorBody, leakScan } from './support/http-client.js';
import { operationsOf, type Operation } from './support/openapi-operations.js';
import { eventually } from './support/ports.js';
import { report } from './support/report.js';
import { startServer, type ServerProcess } from './support/server-process.js';

/** How many hostile requests to send (RELIABILITY_HOSTILE_RUNS overrides). */
const runs = Number(process.env.RELIABILITY_HOSTILE_RUNS ?? 2_000);
/** fast-check seed, printed so that a failing run can be replayed (RELIABILITY_SEED). */
const seed = Number(process.env.RELIABILITY_SEED ?? Date.now() % 2_147_483_647);
/** A small upload limit, so that oversized uploads are cheap to send. */
const uploadLimitKb = 64;

let db: SuiteDatabase;
let server: ServerProcess;
let api: HttpClient;
let operations: Operation[];
let credentials: { userToken: string; doctorToken: string };

beforeAll(async () => {
  db = await createSuiteDatabase();
  server = await startServer({ DATABASE_URL: db.url, UPLOAD_LIMIT_KB: String(uploadLimitKb) });
  api = new HttpClient(server.url);
  // A small world, so that reads have something to find and ids exist (none is ever sent valid).
  const user = await registerUser(api, 'Hostile User');
  const doctor = await registerDoctor(api, 'Hostile Doctor');
  const slot = await addSlot(api, doctor, { day: 'wednesday', start: '10:00' });
  const patient = await addPatient(api, user, 'Hostile Patient');
  expectStatus(await book(api, user, patient, slot), 201, 'book');
  credentials = { userToken: user.token, doctorToken: doctor.token };
  operations = operationsOf(expectStatus(await api.get('/openapi.json'), 200, 'openapi').json);
});

afterAll(async () => {
  api?.close();
  await server?.stop();
  await db?.dispose();
});

/** Waits until the relay of the set-up writes has settled, so that only the attack could change tables. */
async function quiet(): Promise<void> {
  await eventually(async () => {
    const [row] = await db.rows<{ n: number }>(
      'SELECT count(*)::int AS n FROM outbox WHERE completed_at IS NULL AND parked_at IS NULL',
    );
    return row?.n === 0;
  }, 10_000);
}

describe('Hostile input on every route of /openapi.json', () => {
  it(
    'thousands of malformed requests: only 4xx with the error shape, no 5xx, the process stays up, no data changes',
    async () => {
      await quiet();
      const before = await tableDigests(db);
      const requests = fc.sample(hostileRequest(operations, credentials, uploadLimitKb * 1024), {
        numRuns: runs,
        seed,
      });
      const byKind = new Map<AttackKind, number>();
      const statuses = new Map<number, number>();
      const violations: string[] = [];
      const routesHit = new Set<string>();
      let successes = 0;
      const started = Date.now();
      await runPool(requests, 8, async ({ kind, spec }) => {
        byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
        const what = `${kind}: ${spec.method} ${spec.path.slice(0, 160)}`;
        let answer;
        try {
          answer = await api.send(spec);
        } catch (error) {
          violations.push(`${what} → no answer (${String(error)})`);
          return;
        }
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        routesHit.add(spec.path.split('?')[0]!.split('/').slice(0, 3).join('/'));
        if (answer.status >= 500)
          violations.push(`${what} → ${answer.status} ${answer.text.slice(0, 200)}`);
        else if (answer.status >= 400 && !isErrorBody(answer.json))
          violations.push(
            `${what} → ${answer.status} without the error shape: ${answer.text.slice(0, 120)}`,
          );
        else if (answer.status < 400) {
          successes += 1;
          // A read may legitimately find nothing (a search for "@name:*) | (" is a valid search); a write must not pass.
          if (!['GET', 'OPTIONS', 'HEAD'].includes(spec.method))
            violations.push(`${what} → ${answer.status}: a malformed write was accepted`);
        }
        // Traversal must never reach a file outside the image folders.
        if (/root:.*:0:0:/.test(answer.text)) violations.push(`${what} → served /etc/passwd`);
      });
      const seconds = (Date.now() - started) / 1000;
      const healthy = (await api.get('/healthz')).status === 200;
      await quiet();
      const changed = changedTables(before, await tableDigests(db));
      const alive = server.alive() && healthy;
      const kinds = [...byKind].map(([k, n]) => `${k} ${n}`).join(', ');
      const fivexx = [...statuses].filter(([s]) => s >= 500).reduce((sum, [, n]) => sum + n, 0);
      if (fivexx > 0) {
        // The server logs each 500 with its cause: show the first few, they are the bug report.
        const errors = server
          .output()
          .split('\n')
          .filter((line) => line.includes('"level":50'))
          .slice(0, 3);
        for (const line of errors) process.stdout.write(`  server: ${line.slice(0, 700)}\n`);
      }
      const statusList = [...statuses]
        .sort(([x], [y]) => x - y)
        .map(([status, n]) => `${status}×${n}`)
        .join(' ');
      report(
        'hostile-input',
        `${requests.length} requests (${kinds}) over ${operations.length} operations in ${seconds.toFixed(1)} s, seed ${seed} → ${statusList}: ` +
          `${fivexx} 5xx, ${violations.length} violations (${successes} reads answered 2xx, ${api.staleSocketRetries} resent after a stale keep-alive socket), process ${alive ? 'up' : 'DOWN'}, ${changed.length} tables changed`,
      );
      expect(violations.slice(0, 30)).toEqual([]);
      expect(alive).toBe(true);
      expect(changed).toEqual([]);
    },
    120_000 + runs * 60,
  );

  it('injection and search-syntax strings in valid fields are stored and answered verbatim', async () => {
    // Valid input that looks like syntax must be data: stored as typed, searched as words.
    const user = await registerUser(api, 'Verbatim User');
    const names = nastyStrings
      .map((s) => s.trim())
      .filter(
        (s) =>
          s.length >= 1 && s.length <= 100 && !s.includes('\u0000') && !/[\ud800-\udfff]/.test(s),
      );
    const problems: string[] = [];
    for (const name of names) {
      const created = await api.json(
        'POST',
        '/patient/new',
        { name, age: 40, gender: 'male', symptoms: name },
        user.token,
      );
      if (created.status !== 201) {
        problems.push(`${JSON.stringify(name)} → ${created.status} ${created.text.slice(0, 100)}`);
        continue;
      }
      const read = await api.get(`/patient/get/${(created.json as { id: number }).id}`, user.token);
      const back = read.json as { name?: string; symptoms?: string };
      if (back.name !== name || back.symptoms !== name)
        problems.push(`${JSON.stringify(name)} came back as ${JSON.stringify(back.name)}`);
      const search = await api.get(`/misc/doctors/${pct(name)}`, user.token);
      if (search.status >= 500) problems.push(`search ${JSON.stringify(name)} → ${search.status}`);
    }
    const tables = await db.rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`,
    );
    report(
      'hostile-verbatim',
      `${names.length} injection/search-syntax strings as patient names and searches: ${problems.length} not stored or answered verbatim, ${tables[0]!.n} tables still there`,
    );
    expect(problems).toEqual([]);
  });

  it('no answer of this file carried a password or a hash', () => {
    report(
      'hostile-input leak scan',
      `${leakScan.answers} answers scanned, ${leakScan.leaks.length} leaks`,
    );
    expect(leakScan.leaks).toEqual([]);
  });
});
