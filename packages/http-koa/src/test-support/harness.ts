// Test harness of the HTTP tests: a real server on a real socket (port 0) over a runtime on
// real PostgreSQL (a fresh database per test file) and, when asked, real Redis.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime, loadConfig, type Runtime } from '@doctorly/runtime';
import { createTestDatabase, type TestDatabase, type TestRedis } from '@doctorly/test-support';
import { pino } from 'pino';
import { createServer, type DoctorlyServer, type ServerOptions } from '../server.js';
import { Api } from './api.js';

export interface TestServer {
  readonly base: string;
  readonly api: Api;
  readonly runtime: Runtime;
  readonly server: DoctorlyServer;
  readonly database: TestDatabase;
  /** The Redis in use, or `undefined` (cache in memory). */
  readonly redis: TestRedis | undefined;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** A Redis (from `createTestRedis`) for the cache, rate limits and revocations, under its prefix; default none. */
  readonly redis?: TestRedis;
  /** Reuse a database (a second server on the same data); default a fresh one. */
  readonly database?: TestDatabase;
  readonly env?: Readonly<Record<string, string>>;
  /** Options of the server itself (live stream intervals, buffer limits). */
  readonly server?: ServerOptions;
}

/** The public URL the tests' servers claim, so absolute image URLs are checkable. */
export const testPublicUrl = 'http://doctorly.test';

/** Starts a server as `npm start` would, on port 0, with the cheap test password hashing. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = options.database ?? (await createTestDatabase());
  const redis = options.redis;
  const dataDir = mkdtempSync(join(tmpdir(), 'doctorly-http-'));
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    PASSWORD_HASH_COST: 'test',
    JWT_SECRET: 'http-tests-secret-0123456789abcdefghijklmnop',
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    PUBLIC_URL: testPublicUrl,
    // The suites share a few accounts across many tests: the per-account limits get their own
    // suite (tests/booking-limits.integration.test.ts), which sets them through `options.env`.
    MAX_PATIENTS_PER_USER: '1000',
    MAX_ACTIVE_APPOINTMENTS_PER_USER: '1000',
    ...(database.kind === 'postgres' ? { DATABASE_URL: database.url } : {}),
    ...(redis
      ? { REDIS_URL: redis.url, REDIS_PREFIX: redis.prefix, SEARCH_ENGINE: 'postgres' }
      : {}),
    ...options.env,
  };
  const runtime = await createRuntime(loadConfig(env), { logger: pino({ level: 'silent' }) });
  const server = createServer(runtime, options.server);
  const { port } = await server.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    api: new Api(base),
    runtime,
    server,
    database,
    redis,
    close: async () => {
      await server.close();
      await runtime.close();
      if (!options.database) await database.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
