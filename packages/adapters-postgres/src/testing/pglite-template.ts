import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMigrationSet, migrate } from '../migrator.js';
import { PGliteSqlClient } from '../sql/pglite-client.js';

let template: Promise<Blob> | undefined;

/**
 * A dump of a freshly migrated PGlite database, made once per set of migrations (versioned and repeatable) and kept in
 * the temp folder: starting from it takes a fraction of creating and migrating a new one
 * (shared/STACK.md, trap 8), which adds up over many test files.
 */
export function migratedPGliteTemplate(): Promise<Blob> {
  template ??= makeTemplate();
  return template;
}

async function makeTemplate(): Promise<Blob> {
  const set = await loadMigrationSet();
  const files = [...set.versioned, ...set.repeatable].map((m) => `${m.name}:${m.checksum}`);
  const key = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16);
  const file = join(tmpdir(), `doctorly-pglite-template-${key}.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    // Not made yet: make it below.
  }
  const sql = await PGliteSqlClient.open('memory://');
  try {
    await migrate(sql, set);
    const dump = await sql.db.dumpDataDir('none');
    // Write then rename, so a concurrent test process never reads half a file.
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, file);
    return dump;
  } finally {
    await sql.close();
  }
}
