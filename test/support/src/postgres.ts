import pg from 'pg';
import { hasDocker } from './docker.js';
import { uniqueSuffix } from './names.js';

/** Where a test file's PostgreSQL lives; `dispose` removes everything it created. */
export type TestDatabase =
  | {
      kind: 'postgres';
      url: string;
      source: 'DATABASE_URL' | 'testcontainers';
      dispose(): Promise<void>;
    }
  | { kind: 'pglite'; dataDir: 'memory://'; source: 'pglite'; dispose(): Promise<void> };

/**
 * Gives the calling test file a PostgreSQL of its own:
 * - with `DATABASE_URL`, a fresh database on that server, dropped by `dispose`, so files run
 *   in parallel and never see data they did not create;
 * - else a throw-away `postgres` container when Docker is available;
 * - else an in-memory PGlite.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) return freshDatabaseOn(serverUrl, 'DATABASE_URL');
  if (await hasDocker()) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer('postgres:17-alpine').start();
    const db = await freshDatabaseOn(container.getConnectionUri(), 'testcontainers');
    return {
      ...db,
      dispose: async () => {
        await db.dispose();
        await container.stop();
      },
    };
  }
  return {
    kind: 'pglite',
    dataDir: 'memory://',
    source: 'pglite',
    dispose: () => Promise.resolve(),
  };
}

/**
 * Whether the tests of this process reach a real PostgreSQL server (not PGlite), for tests
 * that only make sense on one — concurrency across connections, for instance.
 */
export function hasRealPostgres(): boolean {
  return Boolean(process.env.DATABASE_URL);
}

async function freshDatabaseOn(
  serverUrl: string,
  source: 'DATABASE_URL' | 'testcontainers',
): Promise<TestDatabase & { kind: 'postgres' }> {
  const name = `doctorly_test_${uniqueSuffix()}`;
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    url: url.toString(),
    source,
    dispose: async () => {
      await withAdmin(serverUrl, (admin) =>
        admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    },
  };
}

async function withAdmin<T>(
  serverUrl: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
