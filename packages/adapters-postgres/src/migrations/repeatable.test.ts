import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRepeatables } from './repeatable.js';

let folder: string | undefined;
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
  folder = undefined;
});

/** Repeatables from files written to a fresh temp folder. */
async function load(files: Record<string, string>) {
  folder = await mkdtemp(join(tmpdir(), 'doctorly-repeatables-'));
  for (const [file, sql] of Object.entries(files)) await writeFile(join(folder, file), sql);
  return loadRepeatables(pathToFileURL(`${folder}/`));
}

describe('loadRepeatables', () => {
  it('orders the files by their number prefix and names each without prefix or extension', async () => {
    const loaded = await load({
      '020_b.sql': 'SELECT 2;',
      '010_a.sql': 'SELECT 1;',
      'README.md': '#',
    });
    expect(loaded.map((r) => r.name)).toEqual(['a', 'b']);
  });

  it('folds the checksums a file depends on into its own, so changing one re-applies the other', async () => {
    const before = await load({
      '010_a.sql': 'SELECT 1;',
      '020_b.sql': '-- depends-on: a\nSELECT 2;',
    });
    await rm(folder!, { recursive: true });
    const after = await load({
      '010_a.sql': 'SELECT 10;',
      '020_b.sql': '-- depends-on: a\nSELECT 2;',
    });
    expect(after[1]!.checksum).not.toBe(before[1]!.checksum);
  });

  it('refuses a dependency that does not come earlier in the order', async () => {
    await expect(
      load({ '010_a.sql': '-- depends-on: b\nSELECT 1;', '020_b.sql': 'SELECT 2;' }),
    ).rejects.toThrow(/a depends on b/);
  });

  it('refuses two files with one name', async () => {
    await expect(load({ '010_a.sql': 'SELECT 1;', '020_a.sql': 'SELECT 2;' })).rejects.toThrow(
      /a is defined twice/,
    );
  });
});
