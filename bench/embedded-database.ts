import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { PGliteSqlClient } from '@doctorly/adapters-postgres/pglite';
import type pg from 'pg';
import { benchDatabaseName, type BenchDatabase } from './database.js';

/**
 * The embedded default as the bench's database: PGlite in `<dataDir>/pglite`, created by the
 * first process that opens it (the CLI's `demo-data`). PGlite admits one process at a time,
 * so the harness opens it only while no server runs (on the first query) and closes it on
 * `release()`, before a server or the CLI opens it.
 */
export function createEmbeddedBenchDatabase(dataDir: string): BenchDatabase {
  let open: Promise<PGliteSqlClient> | undefined;
  const client = () =>
    (open ??= import('@doctorly/adapters-postgres/pglite').then(({ PGliteSqlClient }) =>
      PGliteSqlClient.open(join(dataDir, 'pglite')),
    ));
  const rows = async <T extends pg.QueryResultRow>(sql: string, params?: readonly unknown[]) =>
    (await client()).query<T>(sql, params);
  const release = async () => {
    const closing = open;
    open = undefined;
    if (closing) await (await closing).close();
  };
  return {
    name: benchDatabaseName(),
    env: { DATA_DIR: dataDir },
    engine: 'pglite',
    count: async (sql, params) => Number((await rows<{ n: unknown }>(sql, params))[0]?.n ?? NaN),
    rows,
    release,
    // PGlite runs inside the server process: its CPU is the server's.
    backendCpuMs: () => Promise.resolve(undefined),
    drop: async () => {
      await release();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
