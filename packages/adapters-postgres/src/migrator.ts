import {
  applyRepeatables,
  loadRepeatables,
  type Repeatable,
  type RepeatableReport,
} from './migrations/repeatable.js';
import {
  applyVersioned,
  loadMigrations as loadVersioned,
  type Migration,
} from './migrations/versioned.js';
import type { SqlClient } from './sql/sql-client.js';

export type { Migration } from './migrations/versioned.js';
export type { Repeatable, RepeatableReport } from './migrations/repeatable.js';
export { loadRepeatables } from './migrations/repeatable.js';

/** Everything {@link migrate} applies: versioned migrations, then repeatables. @category Adapters */
export interface MigrationSet {
  readonly versioned: readonly Migration[];
  readonly repeatable: readonly Repeatable[];
}

/** What {@link migrate} did. @category Adapters */
export interface MigrationReport {
  /** Versioned migrations applied by this run. */
  readonly applied: readonly string[];
  readonly alreadyApplied: readonly string[];
  readonly repeatables: RepeatableReport;
}

/** The package's own migrations folder; `../migrations/` is right from `src/` and from `dist/`. @category Adapters */
export const migrationsFolder = new URL('../migrations/', import.meta.url);

// Any constant will do, as long as every Doctorly process uses the same one.
const migrationLockKey = 7_245_019_331;

/** Reads the versioned `NNNN_name.sql` files of a folder, ordered by their number. @category Adapters */
export function loadMigrations(folder: URL = migrationsFolder): Promise<Migration[]> {
  return loadVersioned(folder);
}

/** The versioned migrations of `folder` and the repeatables of its `repeatable/` subfolder. @category Adapters */
export async function loadMigrationSet(folder: URL = migrationsFolder): Promise<MigrationSet> {
  const [versioned, repeatable] = await Promise.all([
    loadVersioned(folder),
    loadRepeatables(new URL('repeatable/', folder)),
  ]);
  return { versioned, repeatable };
}

/**
 * Brings the schema up to date in one transaction holding a transaction-level advisory lock
 * (when several processes start at once, one migrates and the others wait, then find nothing
 * left to do): first the versioned migrations not yet recorded in `schema_migrations`, then
 * every repeatable whose checksum is not the one recorded in `schema_repeatables` (ADR 0011).
 * Refuses to run when an applied versioned migration's file has changed since.
 * @category Adapters
 */
export async function migrate(
  sql: SqlClient,
  set?: Partial<MigrationSet>,
): Promise<MigrationReport> {
  const all =
    set?.versioned && set.repeatable
      ? (set as MigrationSet)
      : { ...(await loadMigrationSet()), ...set };
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [migrationLockKey]);
    const versioned = await applyVersioned(tx, all.versioned);
    return { ...versioned, repeatables: await applyRepeatables(tx, all.repeatable) };
  });
}
