import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTestDatabase,
  createTestRedis,
  createTestRedisSearch,
  hasRealPostgres,
  isSkip,
  type TestDatabase,
  type TestRedis,
} from '@doctorly/test-support';
import { FailOpenRedis, RedisCache } from '@doctorly/adapters-redis';
import { openRedisDoctorSearchIndex } from '@doctorly/adapters-redis/search';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/index.js';
import { createRuntime, type Runtime } from './runtime.js';

interface LogLine {
  msg: string;
  [field: string]: unknown;
}

/** A pino logger that keeps its lines, to check what the runtime logged. */
function recordingLogger(): { logger: pino.Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
  );
  return { logger, lines };
}

const secret = 'integration-test-secret-0123456789abcdef';
const dataDir = mkdtempSync(join(tmpdir(), 'doctorly-pg-'));
let database: TestDatabase;
let redis: TestRedis | { reason: string } = { reason: 'REDIS_URL is unset' };
// PGlite is covered by runtime.pglite.integration.test.ts: these need a server.
const onServer = hasRealPostgres();
if (!onServer) console.warn('[skip] runtime on PostgreSQL: DATABASE_URL is unset.');

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

function serverConfig(extra: Record<string, string> = {}) {
  if (database.kind !== 'postgres') throw new Error('needs a PostgreSQL server');
  return loadConfig({
    DATABASE_URL: database.url,
    JWT_SECRET: secret,
    DATA_DIR: dataDir,
    PASSWORD_HASH_COST: 'test',
    PG_POOL_SIZE: '4',
    ...extra,
  });
}

describe.skipIf(!onServer)('createRuntime on a PostgreSQL server', () => {
  let runtime: Runtime;
  let lines: LogLine[];

  beforeAll(async () => {
    const recording = recordingLogger();
    lines = recording.lines;
    runtime = await createRuntime(serverConfig(), { logger: recording.logger });
  });
  afterAll(() => runtime?.close());

  it('migrates and seeds the catalog, without demo data', async () => {
    expect(runtime.database).toBe('postgres');
    expect(await runtime.useCases.listSpecializations.execute()).toHaveLength(36);
    expect((await runtime.useCases.listDoctors.execute({})).total).toBe(0);
    expect(lines.some((l) => l.msg === 'database migrated')).toBe(true);
  });

  it('logs the search engine and why', () => {
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'search engine: postgres', reason: 'REDIS_URL is not set' }),
    );
  });

  it('signs tokens with JWT_SECRET and revokes them in PostgreSQL', async () => {
    const { useCases } = runtime;
    await useCases.registerUser.execute({
      name: 'Pat',
      email: 'pat@example.com',
      password: 'password1',
    });
    const { token } = await useCases.issueToken.execute({
      email: 'pat@example.com',
      password: 'password1',
    });
    const claims = await runtime.ports.tokenIssuer.verify(token, new Date());
    expect(claims).toBeDefined();
    await useCases.revokeToken.execute(claims!);
    await expect(useCases.authenticate.execute(token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('reports health, and close() releases the pool', async () => {
    expect(await runtime.health()).toEqual({
      postgres: 'up',
      redis: 'disabled',
      search: 'postgres',
    });
    await runtime.close();
    expect(await runtime.health()).toMatchObject({ postgres: 'down' });
  });
});

describe.skipIf(!onServer || !process.env.REDIS_URL)(
  'createRuntime on PostgreSQL and a plain Redis (no Query Engine)',
  () => {
    let runtime: Runtime;
    let lines: LogLine[];
    let redisConnection: FailOpenRedis;
    let client: FailOpenRedis['client'];
    let prefix: string;

    beforeAll(async () => {
      if (isSkip(redis)) throw new Error(redis.reason);
      prefix = redis.prefix;
      // A plain connection to look at the keys the runtime wrote (no fail-open deadline to speak of).
      redisConnection = new FailOpenRedis(redis.url, { commandTimeoutMs: 5000 });
      client = redisConnection.client;
      const recording = recordingLogger();
      lines = recording.lines;
      runtime = await createRuntime(
        serverConfig({ REDIS_URL: redis.url, REDIS_PREFIX: prefix, RATE_LIMIT_LOGIN_ACCOUNT: '2' }),
        { logger: recording.logger },
      );
    });
    afterAll(async () => {
      await runtime?.close();
      await redisConnection?.close();
    });

    it('chooses PostgreSQL search and logs why', () => {
      const choice = lines.find((l) => l.msg.startsWith('search engine:'));
      expect(choice).toMatchObject({
        search: 'postgres',
        msg: 'search engine: postgres (the Redis at REDIS_URL has no Query Engine)',
      });
      expect(String(choice?.reason)).toMatch(/Missing the Query Engine/);
      expect(runtime.ports.search.engine).toBe('postgres');
    });

    it('caches in Redis under REDIS_PREFIX', async () => {
      expect(runtime.ports.cache).toBeInstanceOf(RedisCache);
      await runtime.useCases.listQualifications.execute();
      expect(await client.keys(`${prefix}cache:*`)).not.toHaveLength(0);
    });

    it('counts failed logins in Redis (RATE_LIMIT_LOGIN_ACCOUNT)', async () => {
      const { useCases } = runtime;
      await useCases.registerUser.execute({
        name: 'Rae',
        email: 'rae@example.com',
        password: 'password1',
      });
      const wrong = { email: 'rae@example.com', password: 'not-the-password' };
      for (let i = 0; i < 2; i += 1)
        await expect(useCases.issueToken.execute(wrong)).rejects.toMatchObject({
          code: 'INVALID_CREDENTIALS',
        });
      await expect(useCases.issueToken.execute(wrong)).rejects.toMatchObject({
        code: 'RATE_LIMITED',
      });
      expect(await client.keys(`${prefix}rate:*`)).not.toHaveLength(0);
    });

    it('revokes tokens in Redis, backed by PostgreSQL', async () => {
      const { useCases } = runtime;
      await useCases.registerUser.execute({
        name: 'Ray',
        email: 'ray@example.com',
        password: 'password1',
      });
      const { token } = await useCases.issueToken.execute({
        email: 'ray@example.com',
        password: 'password1',
      });
      const claims = (await runtime.ports.tokenIssuer.verify(token, new Date()))!;
      await useCases.revokeToken.execute(claims);
      await expect(useCases.authenticate.execute(token)).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
      });
      expect(await client.exists(`${prefix}revoked:${claims.tokenId}`)).toBe(1);
    });

    it('invalidates cached reads right after a commit', async () => {
      const { useCases } = runtime;
      const doctor = await useCases.registerDoctor.execute({
        name: 'Cora Vale',
        email: 'cora@example.com',
        password: 'password1',
      });
      const actor = { userId: doctor.user.id, role: 'user' as const };
      expect((await useCases.getDoctor.execute({ id: doctor.id })).slot).toHaveLength(0);
      await useCases.addSlot.execute(actor, {
        day: 'friday',
        start: '09:00',
        appointment_duration: 10,
        num_slots: 3,
        consultation_fee: 5,
      });
      expect((await useCases.getDoctor.execute({ id: doctor.id })).slot).toHaveLength(1);
    });

    it('reports health, and close() releases PostgreSQL and Redis', async () => {
      expect(await runtime.health()).toEqual({ postgres: 'up', redis: 'up', search: 'postgres' });
      await runtime.close();
      expect(await runtime.health()).toEqual({
        postgres: 'down',
        redis: 'down',
        search: 'postgres',
      });
    });

    it('refuses to start with SEARCH_ENGINE=redis on a Redis without the Query Engine', async () => {
      if (isSkip(redis)) return;
      await expect(
        createRuntime(
          serverConfig({ REDIS_URL: redis.url, REDIS_PREFIX: prefix, SEARCH_ENGINE: 'redis' }),
          { logger: pino({ level: 'silent' }) },
        ),
      ).rejects.toThrow(/SEARCH_ENGINE=redis, but the Redis at REDIS_URL cannot serve search/);
    });

    it('logs SEARCH_ENGINE=postgres as the reason when told so', async () => {
      if (isSkip(redis)) return;
      const recording = recordingLogger();
      const told = await createRuntime(
        serverConfig({ REDIS_URL: redis.url, REDIS_PREFIX: prefix, SEARCH_ENGINE: 'postgres' }),
        { logger: recording.logger },
      );
      await told.close();
      expect(recording.lines).toContainEqual(
        expect.objectContaining({
          msg: 'search engine: postgres',
          reason: 'SEARCH_ENGINE=postgres',
        }),
      );
    });
  },
);

describe.skipIf(!onServer)('createRuntime on PostgreSQL and a Redis with the Query Engine', () => {
  let search: TestRedis | { reason: string } = { reason: 'not provisioned' };
  let runtime: Runtime | undefined;
  let lines: LogLine[] = [];

  beforeAll(async () => {
    search = await createTestRedisSearch();
    if (isSkip(search)) return;
    const recording = recordingLogger();
    lines = recording.lines;
    runtime = await createRuntime(
      serverConfig({ REDIS_URL: search.url, REDIS_PREFIX: search.prefix }),
      { logger: recording.logger },
    );
  });

  /** Drops the runtime's index under the test prefix, with its documents (the adapter's own drop). */
  async function dropIndex(on: TestRedis): Promise<void> {
    const opened = await openRedisDoctorSearchIndex({
      url: on.url,
      prefix: on.prefix,
      onError: () => {},
    });
    if (!opened) throw new Error(`cannot reach the Redis Query Engine at ${on.url}`);
    try {
      await opened.index.drop();
    } finally {
      await opened.close();
    }
  }

  afterAll(async () => {
    await runtime?.close();
    if (isSkip(search)) return;
    try {
      await dropIndex(search);
    } finally {
      await search.dispose();
    }
  });

  it('chooses Redis search, logs why, and keeps the index in step with PostgreSQL', async ({
    skip,
  }) => {
    if (!runtime) return skip(isSkip(search) ? search.reason : 'no runtime');
    expect(lines).toContainEqual(expect.objectContaining({ search: 'redis' }));
    expect(await runtime.health()).toMatchObject({ search: 'redis', redis: 'up' });
    const doctor = await runtime.useCases.registerDoctor.execute({
      name: 'Zara Quill',
      email: 'zara@example.com',
      password: 'password1',
    });
    await runtime.flush();
    const found = await runtime.useCases.searchDoctors.execute({ name: 'zara' });
    expect(found.items.map((d) => d.id)).toEqual([doctor.id]);
  });

  it('leaves no index and no document behind once closed and dropped', async ({ skip }) => {
    if (!runtime || isSkip(search)) return skip(isSkip(search) ? search.reason : 'no runtime');
    const prefix = search.prefix;
    const redis = new FailOpenRedis(search.url, { commandTimeoutMs: 5000 });
    const indexes = async () =>
      ((await redis.client.call('FT._LIST')) as string[]).filter((n) => n.startsWith(prefix));
    try {
      expect(await indexes()).toEqual([`${prefix}doctor-index`]);
      await runtime.close();
      await dropIndex(search);
      expect(await indexes()).toEqual([]);
      expect(await redis.client.keys(`${prefix}doctor*`)).toEqual([]);
    } finally {
      await redis.close();
    }
  });
});
