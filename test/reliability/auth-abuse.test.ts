import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changedTables,
  createSuiteDatabase,
  tableDigests,
  type SuiteDatabase,
} from './support/database.js';
import {
  addPatient,
  addSlot,
  basic,
  book,
  expectStatus,
  login,
  registerDoctor,
  registerUser,
  type Account,
  type DoctorAccount,
} from './support/fixtures.js';
import { HttpClient, codeOf, isErrorBody, leakScan, type Answer } from './support/http-client.js';
import { sleep } from './support/ports.js';
import { report } from './support/report.js';
import { startServer, type ServerProcess } from './support/server-process.js';
import { hostileTokens } from './support/tokens.js';

let db: SuiteDatabase;
let server: ServerProcess;
/** A second replica on the same database whose tokens live 2 s: tokens expire for real there. */
let shortServer: ServerProcess;
let api: HttpClient;
let a: Account;
let b: Account;
let c: DoctorAccount;
let d: DoctorAccount;
let admin: Account;
const ids = { pA: 0, pB: 0, sC: 0, sD: 0, apA: 0, apB: 0 };

/** A 1×1 PNG: a real image, so that only authorization can refuse its upload. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

function upload(path: string, token: string): Promise<Answer> {
  const boundary = 'reliability-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    png,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return api.send({
    method: 'POST',
    path,
    body,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      authorization: `Bearer ${token}`,
    },
  });
}

beforeAll(async () => {
  db = await createSuiteDatabase();
  // Started together (the migrations are safe to run from two processes at once): half the wait.
  [server, shortServer] = await Promise.all([
    startServer({ DATABASE_URL: db.url }),
    startServer({ DATABASE_URL: db.url, TOKEN_TTL: '2s' }),
  ]);
  api = new HttpClient(server.url);
  [a, b, c, d, admin] = [
    await registerUser(api, 'User A'),
    await registerUser(api, 'User B'),
    await registerDoctor(api, 'Doctor C'),
    await registerDoctor(api, 'Doctor D'),
    await registerUser(api, 'Admin E'),
  ];
  // Admins are made from the command line, never through the API: here, straight in the database.
  await db.rows('UPDATE users SET role = $1 WHERE id = $2', ['admin', admin.userId]);
  admin.token = await login(api, admin.email, admin.password);
  ids.sC = await addSlot(api, c, { day: 'monday', start: '09:00' });
  ids.sD = await addSlot(api, d, { day: 'tuesday', start: '09:00' });
  ids.pA = await addPatient(api, a, 'Patient of A');
  ids.pB = await addPatient(api, b, 'Patient of B');
  ids.apA = (
    expectStatus(await book(api, a, ids.pA, ids.sC), 201, 'book A').json as { id: number }
  ).id;
  ids.apB = (
    expectStatus(await book(api, b, ids.pB, ids.sD), 201, 'book B').json as { id: number }
  ).id;
});

afterAll(async () => {
  api?.close();
  await Promise.all([server?.stop(), shortServer?.stop()]);
  await db?.dispose();
});

describe('Auth abuse', () => {
  it('expired, revoked and tampered tokens answer 401', async () => {
    const tokens = hostileTokens(a.token, b.userId);
    // Revoked: a real token of A, logged out.
    const revoked = await login(api, a.email, a.password);
    expectStatus(
      await api.send({
        method: 'PUT',
        path: '/auth/logout',
        headers: { authorization: `Bearer ${revoked}` },
      }),
      204,
      'logout',
    );
    tokens['revoked by PUT /auth/logout'] = revoked;
    const failures: string[] = [];
    for (const [what, token] of Object.entries(tokens)) {
      for (const path of ['/users/info', '/patient/all', `/patient/get/${ids.pA}`]) {
        const answer = await api.get(path, token);
        if (answer.status !== 401 || !isErrorBody(answer.json))
          failures.push(`${what} on ${path} → ${answer.status}`);
      }
    }
    // The real token still works: the 401s are about the tokens, not a broken server.
    const control = await api.get('/users/info', a.token);
    report(
      'auth-tokens',
      `${Object.keys(tokens).length} kinds of bad token × 3 routes: ${failures.length} answers other than 401; control token → ${control.status}`,
    );
    expect(failures).toEqual([]);
    expect(control.status).toBe(200);
  });

  it('a token expires for real (a second server with TOKEN_TTL=2s on the same database)', async () => {
    const shortApi = new HttpClient(shortServer.url);
    try {
      const token = await login(shortApi, b.email, b.password);
      const fresh = await shortApi.get('/users/info', token);
      await sleep(3_100);
      const stale = await shortApi.get('/users/info', token);
      const elsewhere = await api.get('/users/info', token);
      const violations =
        Number(fresh.status !== 200) +
        Number(stale.status !== 401) +
        Number(elsewhere.status !== 401);
      report(
        'auth-expiry',
        `token with TOKEN_TTL=2s: ${fresh.status} at once, ${stale.status} after 3.1 s (${elsewhere.status} on the other replica): ${violations} violations`,
      );
      expect(violations).toBe(0);
    } finally {
      shortApi.close();
    }
  });

  it('brute force on /auth/get_token is limited with 429 and Retry-After, per account and per address', async () => {
    const victim = await registerUser(api, 'Victim');
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 8; i++) {
      const answer = await api.send({
        method: 'POST',
        path: '/auth/get_token',
        headers: { authorization: basic(victim.email, `wrong-${i}-password`) },
      });
      statuses.push(answer.status);
      if (answer.status === 429) retryAfter ??= answer.headers['retry-after'] as string | undefined;
    }
    const rightPassword = await api.send({
      method: 'POST',
      path: '/auth/get_token',
      headers: { authorization: basic(victim.email, victim.password) },
    });
    // Per address: failed logins for many accounts from one client address.
    const addressStatuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const answer = await api.send({
        method: 'POST',
        path: '/auth/get_token',
        headers: { authorization: basic(`nobody-${i}@reliability.test`, 'wrong-password') },
      });
      addressStatuses.push(answer.status);
    }
    const firstLimited = statuses.indexOf(429);
    const violations =
      Number(firstLimited !== 5) +
      Number(statuses.slice(0, 5).some((s) => s !== 401)) +
      Number(statuses.slice(5).some((s) => s !== 429)) +
      Number(!(Number(retryAfter) > 0)) +
      Number(rightPassword.status !== 429) +
      Number(!addressStatuses.includes(429));
    report(
      'auth-brute-force',
      `8 wrong passwords → ${statuses.join(',')} (Retry-After ${retryAfter}); right password then → ${rightPassword.status}; ` +
        `30 unknown accounts from one address → first 429 at attempt ${addressStatuses.indexOf(429) + 1}: ${violations} violations`,
    );
    expect(violations).toBe(0);
  });

  it('nobody becomes admin through the API', async () => {
    const attempts: Answer[] = [
      await api.json('POST', '/users/register', {
        name: 'Mallory',
        email: 'mallory1@reliability.test',
        password: 'mallory-password',
        role: 'admin',
      }),
      await api.json('POST', '/doctors/new', {
        name: 'Mallory',
        email: 'mallory2@reliability.test',
        password: 'mallory-password',
        role: 'admin',
      }),
      await api.json('POST', '/users/register', {
        name: 'Mallory',
        email: 'mallory3@reliability.test',
        password: 'mallory-password',
        user: { role: 'admin' },
      }),
    ];
    const admins = await db.rows<{ id: number }>(`SELECT id FROM users WHERE role = 'admin'`);
    const created = attempts.filter(
      (x) => x.status < 300 && (x.json as { role?: string }).role === 'admin',
    ).length;
    const violations = created + Number(admins.length !== 1 || admins[0]!.id !== admin.userId);
    report(
      'auth-escalation',
      `3 registrations asking for role admin → ${attempts.map((x) => `${x.status} ${codeOf(x) ?? ''}`).join(', ')}; admins in the database: ${admins.length}: ${violations} violations`,
    );
    expect(violations).toBe(0);
  });

  it('the authorization matrix: users A, B, doctors C, D and an admin on every route that takes an id', async () => {
    const { pA, pB, sC, sD, apA, apB } = ids;
    const actors = { A: a, B: b, C: c, D: d, admin };
    type Name = keyof typeof actors;
    const reads: { path: string; allowed: Name[]; denied: Name[] }[] = [
      { path: `/patient/get/${pA}`, allowed: ['A', 'C', 'admin'], denied: ['B', 'D'] },
      { path: `/patient/get/${pB}`, allowed: ['B', 'D', 'admin'], denied: ['A', 'C'] },
      {
        path: `/patient/appointment/${apA}/history`,
        allowed: ['A', 'C', 'admin'],
        denied: ['B', 'D'],
      },
      {
        path: `/patient/appointment/${apB}/history`,
        allowed: ['B', 'D', 'admin'],
        denied: ['A', 'C'],
      },
      { path: `/doctors/patients/${sC}`, allowed: ['C'], denied: ['A', 'B', 'D'] },
      { path: `/doctors/patients/${sD}`, allowed: ['D'], denied: ['A', 'B', 'C'] },
      ...[
        `/doctors/get/${c.doctorId}`,
        `/doctors/slot/${c.doctorId}`,
        `/doctors/timings/${c.doctorId}`,
      ].map((path) => ({
        path,
        allowed: ['A', 'B', 'C', 'D', 'admin'] as Name[],
        denied: [] as Name[],
      })),
    ];
    const writes: { what: string; denied: Name[]; send: (token: string) => Promise<Answer> }[] = [
      {
        what: `cancel A's appointment`,
        denied: ['B', 'D'],
        send: (t) => api.json('POST', `/patient/appointment/${apA}/cancel`, {}, t),
      },
      ...['check_in', 'complete', 'no_show'].map((action) => ({
        what: `${action} A's appointment (doctor C's)`,
        denied: ['A', 'B', 'D', 'admin'] as Name[],
        send: (t: string) => api.json('POST', `/doctors/appointments/${apA}/${action}`, {}, t),
      })),
      {
        what: `cancel C's sitting`,
        denied: ['A', 'B', 'D', 'admin'],
        send: (t) =>
          api.json('POST', '/doctors/sittings/cancel', { slot_id: sC, date: '2030-01-07' }, t),
      },
      {
        what: `book A's patient`,
        denied: ['B', 'C', 'D', 'admin'],
        send: (t) =>
          api.json('POST', '/patient/new_appointment', { patient_id: pA, slot_id: sD }, t),
      },
      {
        what: `rate A's appointment`,
        denied: ['B', 'C', 'D', 'admin'],
        send: (t) =>
          api.json('POST', '/doctors/rate', { appointment_id: apA, stars: 1, review: 'x' }, t),
      },
      {
        what: 'set a specialization image',
        denied: ['A', 'B', 'C', 'D'],
        send: (t) => upload('/misc/image/1', t),
      },
      {
        what: 'add a slot without a doctor profile',
        denied: ['A', 'B', 'admin'],
        send: (t) =>
          api.json(
            'POST',
            '/doctors/add_slot',
            {
              day: 'friday',
              start: '10:00',
              consultation_fee: 1,
              appointment_duration: 10,
              num_slots: 1,
            },
            t,
          ),
      },
    ];
    const failures: string[] = [];
    let cells = 0;
    for (const { path, allowed, denied } of reads) {
      for (const name of allowed) {
        cells += 1;
        const answer = await api.get(path, actors[name].token);
        if (answer.status !== 200)
          failures.push(`${name} GET ${path} → ${answer.status} (should be allowed)`);
      }
      for (const name of denied) {
        cells += 1;
        const answer = await api.get(path, actors[name].token);
        if (![403, 404].includes(answer.status) || !isErrorBody(answer.json))
          failures.push(`${name} GET ${path} → ${answer.status} (should be denied)`);
      }
    }
    const before = await tableDigests(db);
    for (const { what, denied, send } of writes) {
      for (const name of denied) {
        cells += 1;
        const answer = await send(actors[name].token);
        if (![403, 404].includes(answer.status) || !isErrorBody(answer.json))
          failures.push(
            `${name}: ${what} → ${answer.status} ${answer.text.slice(0, 120)} (should be denied)`,
          );
      }
    }
    const changed = changedTables(before, await tableDigests(db));
    // And the actors who may write, do: the doctor checks A in and completes, A rates, B cancels.
    const allowedWrites: [Name, string, () => Promise<Answer>][] = [
      [
        'C',
        `check in A's appointment`,
        () => api.json('POST', `/doctors/appointments/${apA}/check_in`, {}, c.token),
      ],
      [
        'C',
        `complete A's appointment`,
        () => api.json('POST', `/doctors/appointments/${apA}/complete`, {}, c.token),
      ],
      [
        'A',
        'rate the completed appointment',
        () =>
          api.json(
            'POST',
            '/doctors/rate',
            { appointment_id: apA, stars: 4, review: 'fine' },
            a.token,
          ),
      ],
      [
        'B',
        `cancel B's appointment`,
        () => api.json('POST', `/patient/appointment/${apB}/cancel`, {}, b.token),
      ],
    ];
    for (const [name, what, send] of allowedWrites) {
      cells += 1;
      const answer = await send();
      if (answer.status >= 300)
        failures.push(
          `${name}: ${what} → ${answer.status} ${answer.text.slice(0, 120)} (should be allowed)`,
        );
    }
    report(
      'auth-matrix',
      `${cells} (actor, route, resource) cells over ${reads.length + writes.length} routes: ${failures.length} wrong answers, ${changed.length} tables changed by denied writes`,
    );
    expect(failures).toEqual([]);
    expect(changed).toEqual([]);
  });

  it('no answer of this file carried a password or a hash', () => {
    report(
      'auth-abuse leak scan',
      `${leakScan.answers} answers scanned for ${leakScan.secrets.size} secrets, ${leakScan.leaks.length} leaks`,
    );
    expect(leakScan.leaks).toEqual([]);
  });
});
