import { ManualClock } from '@doctorly/core/testing';
import { createTestDatabase } from '@doctorly/test-support';
import {
  createPostgresAdapters,
  postgresAdaptersOver,
  type PostgresAdapters,
} from '../create-postgres-adapters.js';
import { PGliteSqlClient } from '../sql/pglite-client.js';
import { migratedPGliteTemplate } from './pglite-template.js';

/** Adapters over a migrated database for one test file, and how to throw it all away. */
export interface TestAdapters extends PostgresAdapters {
  readonly clock: ManualClock;
  readonly label: string;
  dispose(): Promise<void>;
}

/** Which engines a test file runs on: PGlite always, a real server with `DATABASE_URL` (or Docker). */
export type Engine = 'server' | 'pglite';

/**
 * Migrated adapters on `engine`: `server` is the file's fresh database from
 * `createTestDatabase()` (which falls back to PGlite when there is no server), `pglite` an
 * in-memory PGlite.
 */
export async function openTestAdapters(
  engine: Engine,
  options: { poolSize?: number } = {},
): Promise<TestAdapters> {
  const clock = new ManualClock();
  if (engine === 'pglite') {
    const sql = await PGliteSqlClient.open('memory://', {
      loadDataDir: await migratedPGliteTemplate(),
    });
    const adapters = postgresAdaptersOver(sql, clock);
    await adapters.migrate(); // a no-op that checks the template is current
    return { ...adapters, clock, label: 'PGlite', dispose: () => adapters.close() };
  }
  const db = await createTestDatabase();
  const adapters = await createPostgresAdapters(
    db.kind === 'postgres'
      ? { url: db.url, poolSize: options.poolSize ?? 20 }
      : { dataDir: db.dataDir },
    clock,
  );
  await adapters.migrate();
  return {
    ...adapters,
    clock,
    label: db.kind === 'postgres' ? `PostgreSQL (${db.source})` : 'PGlite (no server)',
    dispose: async () => {
      await adapters.close();
      await db.dispose();
    },
  };
}
