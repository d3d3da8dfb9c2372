import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPool } from './support/clinic.js';
import { createSuiteDatabase, type SuiteDatabase } from './support/database.js';
import {
  addSlot,
  expectStatus,
  registerDoctor,
  registerUser,
  type Account,
  type DoctorAccount,
} from './support/fixtures.js';
import { HttpClient, leakScan } from './support/http-client.js';
import { eventually, sleep } from './support/ports.js';
import { RedisProcess } from './support/redis-process.js';
import { report } from './support/report.js';
import { startServer, type ServerProcess } from './support/server-process.js';

/** The server's Redis key prefix (REDIS_PREFIX) and the RedisCache's namespace under it. */
const prefix = 'rel:';
const entries = `${prefix}cache:entry:`;

let db: SuiteDatabase;
let redis: RedisProcess;
let server: ServerProcess;
let api: HttpClient;
let user: Account;
let doctor: DoctorAccount;
let specializations: string[];

beforeAll(async () => {
  db = await createSuiteDatabase();
  redis = await RedisProcess.start();
  server = await startServer({ DATABASE_URL: db.url, REDIS_URL: redis.url, REDIS_PREFIX: prefix });
  api = new HttpClient(server.url);
  user = await registerUser(api, 'Reader');
  doctor = await registerDoctor(api, 'Doctor Cached');
  await addSlot(api, doctor, { day: 'thursday', start: '10:00' });
  const catalog = expectStatus(await api.get('/misc/specializations', user.token), 200, 'catalog')
    .json as { name: string }[];
  specializations = catalog.map((s) => s.name);
});

afterAll(async () => {
  api?.close();
  await server?.stop();
  await redis?.stop();
  await db?.dispose();
});

/** Cached reads of the API, round-robin. */
function cachedPaths(): string[] {
  return [
    `/doctors/get/${doctor.doctorId}`,
    '/doctors/all',
    `/doctors/slot/${doctor.doctorId}`,
    `/doctors/timings/${doctor.doctorId}`,
    '/misc/specializations',
    '/users/info',
  ];
}

/** The cache's hit counter from /metrics (the Redis adapter counts its hits), or -1 when not exposed. */
async function cacheHits(client = api): Promise<number> {
  const text = (await client.get('/metrics')).text;
  const match = /doctorly_cache_requests_total\{result="hit"\} (\d+)/.exec(text);
  return match ? Number(match[1]) : -1;
}

async function cacheEntries(target = redis, namespace = entries): Promise<number> {
  return target
    .withClient(async (client) => (await client.keys(`${namespace}*`)).length)
    .catch(() => -1);
}

/** The doctor's specializations as the API answers them now. */
async function doctorSpecializations(): Promise<string[]> {
  const answer = await api.get(`/doctors/get/${doctor.doctorId}`, user.token);
  return (
    (answer.json as { specializations?: { name: string }[] }).specializations?.map((s) => s.name) ??
    []
  );
}

/** Whether the cache is being used: a repeated read is a hit and entries exist in Redis. */
async function cacheInUse(client = api, target = redis, namespace = entries): Promise<boolean> {
  const before = await cacheHits(client);
  for (const path of cachedPaths()) await client.get(path, user.token);
  for (const path of cachedPaths()) await client.get(path, user.token);
  return (await cacheHits(client)) > before && (await cacheEntries(target, namespace)) > 0;
}

describe('Redis faults: the cache fails open and never serves a stale value', () => {
  it('the server uses this Redis for its cache', async () => {
    const health = (await api.get('/readyz')).json as { checks?: { redis?: { detail?: string } } };
    const used = await eventually(cacheInUse, 10_000);
    report(
      'redis-setup',
      `server on its own redis-server :${redis.port}: readyz redis ${health.checks?.redis?.detail}, cache in use: ${used}`,
    );
    expect(used).toBe(true);
  });

  it('Redis killed during a read load, a write while it is down, restarted on the same port', async () => {
    const total = 1_200;
    const paths = Array.from({ length: total }, (_, i) => cachedPaths()[i % cachedPaths().length]!);
    let wroteAt = Number.POSITIVE_INFINITY;
    let written = '';
    let writeStatus = 0;
    let restartedAt = 0;
    const failures: string[] = [];
    let stale = 0;
    const faults: Promise<void>[] = [];
    await runPool(
      paths,
      4,
      async (path) => {
        const started = Date.now();
        const answer = await api
          .get(path, user.token)
          .catch((error: unknown) => ({ status: 0, text: String(error), json: undefined }));
        if (answer.status !== 200)
          failures.push(`${path} → ${answer.status} ${answer.text.slice(0, 120)}`);
        // A read that started after the write was answered must show it.
        if (started > wroteAt && path.startsWith('/doctors/get/')) {
          const names =
            (
              answer.json as { specializations?: { name: string }[] } | undefined
            )?.specializations?.map((s) => s.name) ?? [];
          if (!names.includes(written)) stale += 1;
        }
      },
      (done) => {
        if (done === 300) faults.push(redis.kill());
        if (done === 500) {
          faults.push(
            (async () => {
              written = specializations[0]!;
              const answer = await api.json(
                'POST',
                '/doctors/add_specializations',
                { specialization_name: [written] },
                doctor.token,
              );
              writeStatus = answer.status;
              wroteAt = Date.now();
            })(),
          );
        }
        if (done === 800) faults.push(redis.restart().then(() => void (restartedAt = Date.now())));
      },
    );
    await Promise.all(faults);
    const back = await eventually(cacheInUse, 20_000);
    const backAfterMs = Date.now() - restartedAt;
    const after = await doctorSpecializations();
    if (!after.includes(written)) stale += 1;
    const fivexx = failures.filter((f) => / → 5\d\d /.test(f)).length;
    report(
      'redis-kill',
      `${total} reads (Redis SIGKILLed after 300, restarted after 800), a write while down → ${writeStatus}: ` +
        `${failures.length} non-200, ${fivexx} 5xx, ${stale} stale; cache in use again ${back ? `within ${backAfterMs} ms of the restart` : 'NEVER'} (${await cacheEntries()} entries)`,
    );
    expect(failures.slice(0, 10)).toEqual([]);
    expect(writeStatus).toBe(200);
    expect(stale).toBe(0);
    expect(back).toBe(true);
  });

  it('Redis hung (SIGSTOP) keeps its old entries: after it resumes, the generation bump hides them', async () => {
    expect(await eventually(cacheInUse, 20_000)).toBe(true);
    // The doctor's view is cached now, without the specialization about to be added.
    await doctorSpecializations();
    await doctorSpecializations();
    const written = specializations[1]!;
    redis.pause();
    const failures: string[] = [];
    let hungReads = 0;
    // Enough failed calls to open the circuit: the invalidation of the write below is then refused, never sent.
    for (let i = 0; i < 30; i++) {
      const answer = await api.get(cachedPaths()[i % cachedPaths().length]!, user.token);
      hungReads += 1;
      if (answer.status !== 200) failures.push(`hung read → ${answer.status}`);
    }
    const write = await api.json(
      'POST',
      '/doctors/add_specializations',
      { specialization_name: [written] },
      doctor.token,
    );
    let stale = 0;
    for (let i = 0; i < 10; i++) if (!(await doctorSpecializations()).includes(written)) stale += 1;
    redis.resume();
    // What Redis still holds: entries of the doctor written before the change.
    const leftovers = await redis.withClient(async (client) => {
      const value = await client.get(`${entries}doctor:${doctor.doctorId}:view`);
      return value !== null && !value.includes(`"${written}"`) ? 1 : 0;
    });
    const generationBefore = await redis.withClient((client) =>
      client.get(`${prefix}cache:generation`),
    );
    let resumedReads = 0;
    const until = Date.now() + 8_000;
    while (Date.now() < until) {
      const answer = await api.get(`/doctors/get/${doctor.doctorId}`, user.token);
      resumedReads += 1;
      if (answer.status !== 200) failures.push(`resumed read → ${answer.status}`);
      const names =
        (answer.json as { specializations?: { name: string }[] }).specializations?.map(
          (s) => s.name,
        ) ?? [];
      if (!names.includes(written)) stale += 1;
      await sleep(20);
    }
    const back = await eventually(cacheInUse, 15_000);
    const generationAfter = await redis.withClient((client) =>
      client.get(`${prefix}cache:generation`),
    );
    report(
      'redis-hang',
      `Redis paused: ${hungReads} reads, write → ${write.status}; resumed with ${leftovers} stale entr${leftovers === 1 ? 'y' : 'ies'} still in Redis, ` +
        `generation ${generationBefore === generationAfter ? 'NOT bumped' : 'bumped'}; ${resumedReads} reads after resume: ` +
        `${failures.length} non-200, ${stale} stale; cache in use again: ${back}`,
    );
    expect(failures).toEqual([]);
    expect(write.status).toBe(200);
    expect(stale).toBe(0);
    expect(back).toBe(true);
  });

  it('a server started while Redis is down serves from PostgreSQL, then uses Redis once it appears', async () => {
    const late = await RedisProcess.reserve();
    const second = await startServer({
      DATABASE_URL: db.url,
      REDIS_URL: late.url,
      REDIS_PREFIX: 'late:',
    });
    const secondApi = new HttpClient(second.url);
    try {
      let failures = 0;
      for (let i = 0; i < 60; i++)
        if (
          (await secondApi.get(cachedPaths()[i % cachedPaths().length]!, user.token)).status !== 200
        )
          failures += 1;
      const readyz = (await secondApi.get('/readyz')).status;
      await late.restart();
      const started = Date.now();
      const used = await eventually(() => cacheInUse(secondApi, late, 'late:cache:entry:'), 20_000);
      report(
        'redis-late',
        `server started with no Redis: 60 reads → ${failures} non-200, /readyz ${readyz}; Redis started → cache in use ${used ? `after ${Date.now() - started} ms` : 'NEVER'}`,
      );
      expect(failures).toBe(0);
      expect(used).toBe(true);
    } finally {
      secondApi.close();
      await second.stop();
      await late.stop();
    }
  });

  it('no answer of this file carried a password or a hash', () => {
    report(
      'redis-faults leak scan',
      `${leakScan.answers} answers scanned, ${leakScan.leaks.length} leaks`,
    );
    expect(leakScan.leaks).toEqual([]);
  });
});
