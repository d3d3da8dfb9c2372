// Two server processes on one PostgreSQL (and one Redis, when there is one): a change made
// through server A reaches a subscriber of server B. Run with Redis pub/sub (REDIS_URL) and
// with PostgreSQL LISTEN/NOTIFY (no REDIS_URL). Each server is `main.ts`, as `npm start` runs it.
import {
  createTestDatabase,
  createTestRedis,
  isSkip,
  type TestDatabase,
  type TestRedis,
} from '@doctorly/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../test-support/api.js';
import {
  LiveStream,
  book,
  bookedSitting,
  spawnServer,
  type ServerProcess,
} from '../test-support/live.js';

const jwtSecret = 'live-replicas-secret-0123456789abcdefghijklmnop';

/** The fan-out each suite runs on, and the environment that selects it. */
const fanOuts = [
  { name: 'Redis pub/sub', redis: true },
  { name: 'PostgreSQL LISTEN/NOTIFY', redis: false },
] as const;

describe.each(fanOuts)('two server processes, fan-out through $name', ({ redis: withRedis }) => {
  let database: TestDatabase;
  let redis: TestRedis | undefined;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    database = await createTestDatabase();
    if (database.kind !== 'postgres')
      throw new Error('two processes need a PostgreSQL server: set DATABASE_URL');
    if (withRedis) {
      const provisioned = await createTestRedis();
      if (isSkip(provisioned)) throw new Error(`Redis is needed here: ${provisioned.reason}`);
      redis = provisioned;
    }
    const env: Record<string, string> = {
      DATABASE_URL: database.url,
      JWT_SECRET: jwtSecret,
      DEMO_DATA: 'false',
      SEARCH_ENGINE: 'postgres',
      LOG_LEVEL: 'info',
      ...(redis ? { REDIS_URL: redis.url, REDIS_PREFIX: redis.prefix } : {}),
    };
    // REDIS_URL must not leak from the test's environment into the LISTEN/NOTIFY run.
    const without = withRedis ? {} : { REDIS_URL: '' };
    // One after the other: the first migrates the database.
    a = await spawnServer({ ...env, ...without });
    b = await spawnServer({ ...env, ...without });
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.dispose();
    await database?.dispose();
  }, 60_000);

  it('runs both servers on that fan-out, as each logs at start', () => {
    const chosen = withRedis ? '"live":"redis"' : '"live":"postgres"';
    expect(a.output()).toContain(chosen);
    expect(b.output()).toContain(chosen);
  });

  it('sends a subscriber of server B the change made through server A', async () => {
    const apiA = new Api(a.base);
    const { sittingId, owner, slotId } = await bookedSitting(apiA, { bookings: 1 });
    const stream = new LiveStream(`${b.base}/sittings/${sittingId}/board/live`);
    try {
      const first = await stream.nth(1);
      const booked = await book(apiA, owner, slotId);
      const next = await stream.find((e) => e.id > first.id);
      const queue = next.data.queue as { queue_number: number }[];
      expect(queue.map((entry) => entry.queue_number)).toContain(booked.queue_number);
    } finally {
      stream.close();
    }
  });

  it("sends the appointment's owner, watching on server B, the doctor's change made on server A", async () => {
    const apiA = new Api(a.base);
    const { owner, doctor, appointments } = await bookedSitting(apiA, { bookings: 1 });
    const mine = appointments[0]!;
    const stream = new LiveStream(`${b.base}/patient/appointment/${mine.id}/live`, {
      token: owner.token,
    });
    try {
      const first = await stream.nth(1);
      const reply = await apiA.post(`/doctors/appointments/${mine.id}/check_in`, {}, doctor.token);
      expect(reply.status, reply.text).toBe(200);
      const next = await stream.find((e) => e.id > first.id);
      expect(next.data).toMatchObject({ id: mine.id, status: 'checked_in' });
    } finally {
      stream.close();
    }
  });
});
