import { loadMigrations, type Migration } from '../migrations/versioned.js';
import type { SqlClient } from '../sql/sql-client.js';

/** The wave-1 migrations as they were before ADR 0011, functions and triggers included. */
export const wave1Folder = new URL('./wave-1-migrations/', import.meta.url);

/** The wave-1 migrations (the fixture folder has no superseded checksums, so none carry any). */
export function loadWave1Migrations(): Promise<Migration[]> {
  return loadMigrations(wave1Folder);
}

/**
 * The wave-1 migrator's own behaviour, kept verbatim (less its checksum check, moot on a new
 * database): what every database made before ADR 0011 went through, and so what an upgrade
 * test must start from. It knows nothing of `schema_repeatables`.
 */
export async function migrateAsWave1(sql: SqlClient): Promise<void> {
  const migrations = await loadWave1Migrations();
  await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [7_245_019_331]);
    await tx.script(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    for (const migration of migrations) {
      await tx.script(migration.sql);
      await tx.query(
        'INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)',
        [migration.version, migration.name, migration.checksum],
      );
    }
  });
}
