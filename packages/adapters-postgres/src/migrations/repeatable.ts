import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import type { SqlExecutor } from '../sql/sql-client.js';

/**
 * One file of `migrations/repeatable/`: the one live definition of a function (with its
 * triggers), applied after the versioned migrations and again whenever it changes.
 * @category Adapters
 */
export interface Repeatable {
  /** The file name without its order prefix and `.sql`: `040_book_appointment.sql` → `book_appointment`. */
  readonly name: string;
  readonly sql: string;
  /**
   * SHA-256 of the file and of the checksums of the repeatables it names in a
   * `-- depends-on: a, b` line, so that changing one of those re-applies this one too.
   */
  readonly checksum: string;
}

/** What applying the repeatables did. @category Adapters */
export interface RepeatableReport {
  readonly applied: readonly string[];
  readonly unchanged: readonly string[];
  /**
   * Recorded in `schema_repeatables` but without a file any more. Left alone: see
   * `migrations/repeatable/README.md` for how a function is retired.
   */
  readonly withoutFile: readonly string[];
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Reads the `NNN_name.sql` files of a folder in the order of their number prefix. A
 * `depends-on` may only name a file that comes earlier in that order.
 * @category Adapters
 */
export async function loadRepeatables(folder: URL): Promise<Repeatable[]> {
  const files = (await readdir(folder))
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort();
  const loaded: Repeatable[] = [];
  for (const file of files) {
    const sql = await readFile(new URL(file, folder), 'utf8');
    const name = file.slice(4, -'.sql'.length);
    if (loaded.some((r) => r.name === name))
      throw new Error(`Repeatable ${name} is defined twice.`);
    const dependencies = (/^-- depends-on:(.*)$/m.exec(sql)?.[1] ?? '')
      .split(',')
      .map((d) => d.trim())
      .filter(Boolean);
    const checksums = dependencies.map((dependency) => {
      const found = loaded.find((r) => r.name === dependency);
      if (!found)
        throw new Error(
          `Repeatable ${name} depends on ${dependency}, which does not come before it.`,
        );
      return found.checksum;
    });
    loaded.push({ name, sql, checksum: sha256([sql, ...checksums].join('\n')) });
  }
  return loaded;
}

/**
 * Applies, in order, each repeatable whose checksum differs from the one recorded in
 * `schema_repeatables` (or that is not recorded), on `tx`, which holds the migration lock.
 */
export async function applyRepeatables(
  tx: SqlExecutor,
  repeatables: readonly Repeatable[],
): Promise<RepeatableReport> {
  await tx.script(`CREATE TABLE IF NOT EXISTS schema_repeatables (
    name text PRIMARY KEY,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const rows = await tx.query<{ name: string; checksum: string }>(
    'SELECT name, checksum FROM schema_repeatables',
  );
  const recorded = new Map(rows.map((row) => [row.name, row.checksum]));
  const applied: string[] = [];
  const unchanged: string[] = [];
  for (const repeatable of repeatables) {
    if (recorded.get(repeatable.name) === repeatable.checksum) {
      unchanged.push(repeatable.name);
      continue;
    }
    await tx.script(repeatable.sql);
    await tx.query(
      `INSERT INTO schema_repeatables (name, checksum) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, applied_at = now()`,
      [repeatable.name, repeatable.checksum],
    );
    applied.push(repeatable.name);
  }
  const names = new Set(repeatables.map((r) => r.name));
  return {
    applied,
    unchanged,
    withoutFile: [...recorded.keys()].filter((name) => !names.has(name)).sort(),
  };
}
