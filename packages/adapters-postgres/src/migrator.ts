import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import type { SqlClient } from './sql/sql-client.js';

/** One SQL file of `migrations/`. @category Adapters */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /** SHA-256 of the file: an applied migration whose file changed is refused. */
  readonly checksum: string;
}

/** What {@link migrate} did. @category Adapters */
export interface MigrationReport {
  readonly applied: readonly string[];
  readonly alreadyApplied: readonly string[];
}

/** The package's own migrations folder; `../migrations/` is right from `src/` and from `dist/`. */
export const migrationsFolder = new URL('../migrations/', import.meta.url);

// Any constant will do, as long as every Doctorly process uses the same one.
const migrationLockKey = 7_245_019_331;

/** Reads `NNNN_name.sql` files of a folder, ordered by their number. @category Adapters */
export async function loadMigrations(folder: URL = migrationsFolder): Promise<Migration[]> {
  const files = (await readdir(folder)).filter((file) => /^\d{4}_[\w-]+\.sql$/.test(file)).sort();
  return Promise.all(files.map(async (file) => {
    const sql = await readFile(new URL(file, folder), 'utf8');
    return {
      version: Number(file.slice(0, 4)),
      name: file.replace(/\.sql$/, ''),
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
    };
  }));
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, in order, in one
 * transaction holding a transaction-level advisory lock: when several processes start at
 * once, one migrates and the others wait, then find nothing left to do. Refuses to run when
 * an applied migration's file has changed since.
 * @category Adapters
 */
export async function migrate(sql: SqlClient, migrations?: readonly Migration[]): Promise<MigrationReport> {
  const all = migrations ?? (await loadMigrations());
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [migrationLockKey]);
    await tx.script(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const rows = await tx.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    const done = new Map(rows.map((row) => [row.version, row]));
    const applied: string[] = [];
    const alreadyApplied: string[] = [];
    for (const migration of all) {
      const previous = done.get(migration.version);
      if (previous) {
        if (previous.checksum !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was changed after it was applied (checksum differs).`);
        }
        alreadyApplied.push(migration.name);
        continue;
      }
      await tx.script(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version, migration.name, migration.checksum,
      ]);
      applied.push(migration.name);
    }
    return { applied, alreadyApplied };
  });
}
