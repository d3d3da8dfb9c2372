import type { DoctorView } from '@doctorly/core';
import {
  createTestDatabase,
  createTestRedis,
  isSkip,
  type TestDatabase,
} from '@doctorly/test-support';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, DoctorAccount } from '../test-support/api.js';
import { startTestServer, type TestServer } from '../test-support/harness.js';

// Two servers on one database: `cached` keeps its cache in Redis (REDIS_URL, the test's key
// prefix), `plain` in process memory. The same GET answers the same body on both, hit or
// miss, and a write is visible on the next read of the server that made it.
// createTestRedis prints one line and the file is skipped when no Redis is reachable.
const redisTarget = await createTestRedis();
const redis = isSkip(redisTarget) ? undefined : redisTarget;
let database: TestDatabase;
let cached: TestServer;
let plain: TestServer;
let user: Account;
let doctor: DoctorAccount;

beforeAll(async () => {
  if (!redis) return;
  database = await createTestDatabase();
  cached = await startTestServer({ database, redis });
  plain = await startTestServer({ database });
  user = await cached.api.user('Reader');
  doctor = await cached.api.doctor('Cached');
  await cached.api.slot(doctor, { day: 'tuesday', start: '12:00' });
  await cached.api.patient(user, 'Cached patient');
}, 120_000);
afterAll(async () => {
  await cached?.close();
  await plain?.close();
  await database?.dispose();
  await redis?.dispose();
});

const paths = () => [
  `/doctors/get/${doctor.doctorId}`,
  '/doctors/all',
  `/doctors/slot/${doctor.doctorId}`,
  `/doctors/timings/${doctor.doctorId}`,
  '/misc/specializations',
  '/misc/qualifications',
  '/patient/all',
  '/users/info',
  '/doctors/popular/doctors',
];

describe.skipIf(!redis)('the same GET with the cache on Redis and in memory', () => {
  it('answers the same body on a miss, on a hit, and on the other server', async () => {
    for (const path of paths()) {
      const miss = await cached.api.get(path, user.token);
      const hit = await cached.api.get(path, user.token);
      const other = await plain.api.get(path, user.token);
      expect(miss.status, path).toBe(200);
      expect(hit.text, path).toBe(miss.text);
      expect(other.text, path).toBe(miss.text);
      expect(hit.headers.get('x-total-count'), path).toBe(other.headers.get('x-total-count'));
      expect(hit.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('keeps the cached answers in Redis under the test prefix', async () => {
    const client = new Redis(redis!.url);
    try {
      const keys: string[] = [];
      let cursor = '0';
      do {
        const [next, found] = await client.scan(cursor, 'MATCH', `${redis!.prefix}*`, 'COUNT', 500);
        keys.push(...found);
        cursor = next;
      } while (cursor !== '0');
      expect(keys.length).toBeGreaterThan(0);
    } finally {
      client.disconnect();
    }
    const metrics = await cached.api.get<string>('/metrics');
    expect(metrics.body).toMatch(/doctorly_cache_requests_total\{result="hit"\} [1-9]/);
    expect(metrics.body).toMatch(/doctorly_cache_requests_total\{result="miss"\} [1-9]/);
  });

  it('shows a write on the next read of the server that made it', async () => {
    for (const [server, name] of [
      [cached, 'allergist'],
      [plain, 'cardiologist'],
    ] as const) {
      const before = await server.api.get<DoctorView>(
        `/doctors/get/${doctor.doctorId}`,
        user.token,
      );
      expect(before.body.specializations.map((s) => s.name)).not.toContain(name);
      const added = await server.api.post(
        '/doctors/add_specializations',
        { specialization_name: [name] },
        doctor.token,
      );
      expect(added.status).toBe(200);
      const after = await server.api.get<DoctorView>(`/doctors/get/${doctor.doctorId}`, user.token);
      expect(after.body.specializations.map((s) => s.name)).toContain(name);
    }
    const patients = await cached.api.get<unknown[]>('/patient/all', user.token);
    await cached.api.patient(user, 'Another');
    const more = await cached.api.get<unknown[]>('/patient/all', user.token);
    expect(more.body.length).toBe(patients.body.length + 1);
  });
});
