import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const folder = new URL('../../docs/adr/', import.meta.url);

describe('docs/adr/README.md', async () => {
  const index = await readFile(new URL('README.md', folder), 'utf8');
  const records = (await readdir(folder))
    .filter((file) => /^\d{4}-[a-z0-9-]+\.md$/.test(file))
    .sort();
  const linked = [
    ...index.matchAll(/^\| \[(\d{4}) — ([^\]]+)\]\((\d{4}-[a-z0-9-]+\.md)\) \| (.+) \|$/gm),
  ];

  it('lists every record of the folder once, in order, and links only to records that exist', () => {
    expect(records.length).toBeGreaterThanOrEqual(3);
    expect(linked.map((row) => row[3])).toEqual(records);
  });

  it.each(linked.map((row) => [row[3]!, row] as const))(
    'gives %s its number, title and a summary',
    async (file, row) => {
      const heading = (await readFile(new URL(file, folder), 'utf8')).split('\n', 1)[0]!;
      expect(file.slice(0, 4)).toBe(row[1]);
      // The title in the index is the record's own heading, without a leading "ADR" or number.
      expect(heading.replace(/^#\s+(ADR\s+)?\d{4}\s+—\s+/, '')).toBe(row[2]);
      expect(row[4]!.length).toBeGreaterThan(40);
    },
  );
});
