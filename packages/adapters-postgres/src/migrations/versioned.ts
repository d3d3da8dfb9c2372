import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import type { SqlExecutor } from '../sql/sql-client.js';

/** One `NNNN_name.sql` file of `migrations/`: a change of tables or data. @category Adapters */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /** SHA-256 of the file: an applied migration whose file changed is refused. */
  readonly checksum: string;
  /**
   * Earlier checksums of this file that a database may have recorded instead (the wave-1
   * files, before their functions moved to repeatables: ADR 0011). Accepted as the same.
   */
  readonly supersedes?: readonly string[];
}

/** What applying the versioned migrations did. @category Adapters */
export interface VersionedReport {
  readonly applied: readonly string[];
  readonly alreadyApplied: readonly string[];
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Reads the `NNNN_name.sql` files of a folder, ordered by their number, with the superseded
 * checksums listed in its `superseded-checksums.txt` (if any).
 * @category Adapters
 */
export async function loadMigrations(folder: URL): Promise<Migration[]> {
  const entries = await readdir(folder);
  const superseded = entries.includes('superseded-checksums.txt')
    ? parseSuperseded(await readFile(new URL('superseded-checksums.txt', folder), 'utf8'))
    : new Map<string, string[]>();
  const files = entries.filter((file) => /^\d{4}_[\w-]+\.sql$/.test(file)).sort();
  return Promise.all(
    files.map(async (file) => {
      const sql = await readFile(new URL(file, folder), 'utf8');
      const name = file.replace(/\.sql$/, '');
      const earlier = superseded.get(name);
      return {
        version: Number(file.slice(0, 4)),
        name,
        sql,
        checksum: sha256(sql),
        ...(earlier && { supersedes: earlier }),
      };
    }),
  );
}

/** `name checksum` lines; `#` starts a comment. */
function parseSuperseded(text: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const [name, checksum] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (name && checksum) map.set(name, [...(map.get(name) ?? []), checksum]);
  }
  return map;
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, in order, on `tx` (which
 * already holds the migration lock). Refuses to run when an applied migration's file has
 * changed since, unless the recorded checksum is one the file supersedes. The recorded
 * checksum is left as it was: it says what that database actually ran.
 */
export async function applyVersioned(
  tx: SqlExecutor,
  migrations: readonly Migration[],
): Promise<VersionedReport> {
  await tx.script(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const rows = await tx.query<{ version: number; checksum: string }>(
    'SELECT version, checksum FROM schema_migrations',
  );
  const done = new Map(rows.map((row) => [row.version, row.checksum]));
  const applied: string[] = [];
  const alreadyApplied: string[] = [];
  for (const migration of migrations) {
    const recorded = done.get(migration.version);
    if (recorded !== undefined) {
      if (recorded !== migration.checksum && !migration.supersedes?.includes(recorded)) {
        throw new Error(
          `Migration ${migration.name} was changed after it was applied (checksum differs).`,
        );
      }
      alreadyApplied.push(migration.name);
      continue;
    }
    await tx.script(migration.sql);
    await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
      migration.version,
      migration.name,
      migration.checksum,
    ]);
    applied.push(migration.name);
  }
  return { applied, alreadyApplied };
}
