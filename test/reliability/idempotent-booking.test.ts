import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClinic, type Clinic } from './support/clinic.js';
import { createSuiteDatabase, type SuiteDatabase } from './support/database.js';
import { book, weekdayInWeeks } from './support/fixtures.js';
import { HttpClient, codeOf, leakScan } from './support/http-client.js';
import { report } from './support/report.js';
import { startServer, type ServerProcess } from './support/server-process.js';
import { TcpProxy } from './support/tcp-proxy.js';

let db: SuiteDatabase;
let server: ServerProcess;
let api: HttpClient;
/** The client's road to the server, which can lose the answers. */
let proxy: TcpProxy;
let viaProxy: HttpClient;
let clinic: Clinic;

beforeAll(async () => {
  db = await createSuiteDatabase();
  server = await startServer({ DATABASE_URL: db.url });
  api = new HttpClient(server.url);
  proxy = await TcpProxy.start('127.0.0.1', server.port);
  viaProxy = new HttpClient(`http://127.0.0.1:${proxy.port}`);
  clinic = await buildClinic(api, { users: 2, patientsPerUser: 5, slots: 3 });
});

afterAll(async () => {
  viaProxy?.close();
  api?.close();
  await proxy?.close();
  await server?.stop();
  await db?.dispose();
});

async function rowsWithKey(userId: number, key: string): Promise<{ id: number }[]> {
  return db.rows<{ id: number }>(
    'SELECT id FROM appointments WHERE booked_by = $1 AND idempotency_key = $2',
    [userId, key],
  );
}

describe('Idempotent booking (Idempotency-Key)', () => {
  it('a booking whose answer was lost, retried with its key, answers the same appointment and is stored once', async () => {
    let attempts = 0;
    let lostAnswers = 0;
    let violations = 0;
    const problems: string[] = [];
    for (const { account, patientIds } of clinic.users) {
      for (const patientId of patientIds) {
        for (const slotId of clinic.slotIds) {
          const key = `lost-answer-${patientId}-${slotId}`;
          attempts += 1;
          // The request reaches the server, which books; the connection dies as the answer comes back.
          proxy.dropAnswers = true;
          const lost = await book(viaProxy, account, patientId, slotId, key).then(
            (answer) => `unexpectedly answered ${answer.status}`,
            () => undefined,
          );
          proxy.dropAnswers = false;
          if (lost === undefined) lostAnswers += 1;
          const retries = await Promise.all(
            [1, 2, 3].map(() => book(api, account, patientId, slotId, key)),
          );
          const ids = new Set(retries.map((r) => (r.json as { id?: number }).id));
          const stored = await rowsWithKey(account.userId, key);
          const ok =
            retries.every((r) => r.status === 201) &&
            ids.size === 1 &&
            stored.length === 1 &&
            ids.has(stored[0]!.id);
          if (!ok) {
            violations += 1;
            problems.push(
              `${key}: retries ${retries.map((r) => `${r.status} ${codeOf(r) ?? (r.json as { id?: number }).id}`).join(', ')}; stored ${JSON.stringify(stored)}`,
            );
          }
        }
      }
    }
    report(
      'idempotent-booking',
      `${attempts} bookings whose answer was cut (${lostAnswers} lost), each retried 3× concurrently with its key: ${violations} violations (two places or different answers)`,
    );
    expect(problems).toEqual([]);
    expect(lostAnswers).toBe(attempts);
  });

  it('a key reused for another booking is refused and books nothing', async () => {
    const { account, patientIds } = clinic.users[0]!;
    const key = 'reused-key';
    // A sitting two weeks on (the slot of slotIds[0] is on Mondays): the test above booked only next ones.
    const date = weekdayInWeeks('monday', 2);
    const first = await book(api, account, patientIds[0]!, clinic.slotIds[0]!, key, date);
    const before = await db.rows<{ n: number }>('SELECT count(*)::int AS n FROM appointments');
    const other = await book(api, account, patientIds[1]!, clinic.slotIds[0]!, key, date);
    const after = await db.rows<{ n: number }>('SELECT count(*)::int AS n FROM appointments');
    const another = await book(
      api,
      clinic.users[1]!.account,
      clinic.users[1]!.patientIds[0]!,
      clinic.slotIds[0]!,
      key,
      date,
    );
    // The key is scoped to the user who sent it: another user's same key is not a replay of this one.
    const violations =
      Number(first.status !== 201) +
      Number(another.status !== 201) +
      Number(other.status !== 409 || codeOf(other) !== 'IDEMPOTENCY_KEY_REUSED') +
      Number(after[0]!.n !== before[0]!.n) +
      Number(
        another.status === 201 &&
          (another.json as { id: number }).id === (first.json as { id?: number }).id,
      );
    report(
      'idempotency-key-reuse',
      `first ${first.status}; key reused for another patient → ${other.status} ${codeOf(other)}, rows added ${after[0]!.n - before[0]!.n}; same key of another user → ${another.status}: ${violations} violations`,
    );
    expect(violations).toBe(0);
  });

  it('no answer of this file carried a password or a hash', () => {
    report(
      'idempotent-booking leak scan',
      `${leakScan.answers} answers scanned, ${leakScan.leaks.length} leaks`,
    );
    expect(leakScan.leaks).toEqual([]);
  });
});
