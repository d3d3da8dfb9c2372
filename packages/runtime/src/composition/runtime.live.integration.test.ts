import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sittingNotice, sittingTopic, type Actor } from '@doctorly/core';
import {
  createTestDatabase,
  createTestRedis,
  hasRealPostgres,
  isSkip,
  type TestDatabase,
  type TestRedis,
} from '@doctorly/test-support';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config/index.js';
import { createRuntime, type Runtime } from './runtime.js';

interface LogLine {
  msg: string;
  [field: string]: unknown;
}

const secret = 'integration-test-secret-0123456789abcdef';
const dataDir = mkdtempSync(join(tmpdir(), 'doctorly-live-'));
const onServer = hasRealPostgres();
if (!onServer) console.warn('[skip] live fan-out across runtimes: DATABASE_URL is unset.');
let database: TestDatabase;
let redis: TestRedis | { reason: string } = { reason: 'REDIS_URL is unset' };

beforeAll(async () => {
  if (!onServer) return;
  database = await createTestDatabase();
  if (process.env.REDIS_URL) redis = await createTestRedis();
});
afterAll(async () => {
  await database?.dispose();
  if (!isSkip(redis)) await redis.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Two runtimes ("replicas") on one database, each logging to its own lines. */
async function twoReplicas(
  extra: Record<string, string>,
): Promise<{ a: Runtime; b: Runtime; logs: LogLine[][] }> {
  if (database.kind !== 'postgres') throw new Error('needs a PostgreSQL server');
  const config = loadConfig({
    DATABASE_URL: database.url,
    JWT_SECRET: secret,
    DATA_DIR: dataDir,
    PASSWORD_HASH_COST: 'test',
    PG_POOL_SIZE: '4',
    ...extra,
  });
  const logs: LogLine[][] = [[], []];
  const [a, b] = await Promise.all(
    logs.map((lines) =>
      createRuntime(config, {
        logger: pino(
          { level: 'info' },
          { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
        ),
      }),
    ),
  );
  return { a: a!, b: b!, logs };
}

let people = 0;
/** Through runtime `r`: a doctor with a slot, a user with a patient; returns how to book it. */
async function bookingSetUp(r: Runtime): Promise<() => Promise<{ sitting_id: number }>> {
  people += 1;
  const doctor = await r.useCases.registerDoctor.execute({
    name: `Doctor ${people}`,
    email: `doctor${people}-${Date.now()}@example.com`,
    password: 'password-1',
    description: 'Live doctor',
  });
  const doctorActor: Actor = { userId: doctor.user.id, role: 'user' };
  const slot = await r.useCases.addSlot.execute(doctorActor, {
    day: 'monday',
    start: '10:00',
    consultation_fee: 5,
    appointment_duration: 10,
    num_slots: 5,
  });
  const user = await r.useCases.registerUser.execute({
    name: 'Zara',
    email: `zara${people}-${Date.now()}@example.com`,
    password: 'password-1',
  });
  const actor: Actor = { userId: user.id, role: 'user' };
  // One place per patient: each booking is for a new patient of the same user.
  return async () => {
    const patient = await r.useCases.registerPatient.execute(actor, {
      name: 'Zara junior',
      age: 30,
      gender: 'female',
      symptoms: 'cough',
    });
    return r.useCases.bookAppointment.execute(actor, { patient_id: patient.id, slot_id: slot.id });
  };
}

/**
 * Books through `a` and expects the sitting's notice at a subscriber of `b`. The sitting is
 * known only once booked, so `b` listens to the topic of the sitting the first booking
 * created, and a second booking (same sitting) must reach it.
 */
async function expectFanOut(a: Runtime, b: Runtime): Promise<void> {
  const book = await bookingSetUp(a);
  const { sitting_id: sittingId } = await book();
  const heard: string[] = [];
  await b.ports.live.subscribe(sittingTopic(sittingId), (payload) => heard.push(payload));
  // A notice of the first booking may still be on its way: A's relay has sent it once
  // flushed, and a marker sent after it on A's channel arrives after it.
  await a.flush();
  await a.ports.live.publish(sittingTopic(sittingId), 'marker');
  await vi.waitFor(() => expect(heard).toContain('marker'), { timeout: 10_000 });
  heard.length = 0;
  await book();
  await vi.waitFor(() => expect(heard).toContain(sittingNotice(sittingId)), { timeout: 10_000 });
}

describe.skipIf(!onServer)('live fan-out between two runtimes on PostgreSQL (no Redis)', () => {
  let replicas: Awaited<ReturnType<typeof twoReplicas>>;
  beforeAll(async () => {
    replicas = await twoReplicas({});
  });
  afterAll(async () => {
    await Promise.all([replicas?.a.close(), replicas?.b.close()]);
  });

  it('uses LISTEN/NOTIFY and logs it with the reason', () => {
    for (const lines of replicas.logs)
      expect(lines).toContainEqual(
        expect.objectContaining({
          live: 'postgres',
          reason: 'DATABASE_URL is set, REDIS_URL is not',
        }),
      );
  });

  it('tells a subscriber of runtime B about a booking committed through runtime A', async () => {
    await expectFanOut(replicas.a, replicas.b);
  });
});

describe.skipIf(!onServer || !process.env.REDIS_URL)(
  'live fan-out between two runtimes on PostgreSQL and Redis',
  () => {
    let replicas: Awaited<ReturnType<typeof twoReplicas>>;
    beforeAll(async () => {
      if (isSkip(redis)) throw new Error(redis.reason);
      replicas = await twoReplicas({ REDIS_URL: redis.url, REDIS_PREFIX: redis.prefix });
    });
    afterAll(async () => {
      await Promise.all([replicas?.a.close(), replicas?.b.close()]);
    });

    it('uses Redis pub/sub and logs it with the reason', () => {
      for (const lines of replicas.logs)
        expect(lines).toContainEqual(
          expect.objectContaining({ live: 'redis', reason: 'REDIS_URL is set' }),
        );
    });

    it('tells a subscriber of runtime B about a booking committed through runtime A', async () => {
      await expectFanOut(replicas.a, replicas.b);
    });
  },
);
