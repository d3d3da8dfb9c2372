import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const text = await readFile(new URL('docs/architecture.md', root), 'utf8');
const section = text.split('## Where each rule lives')[1]?.split('\n## ')[0] ?? '';
const rows = section
  .split('\n')
  .filter(
    (line) => line.startsWith('| ') && !line.startsWith('| rule ') && !line.startsWith('|---'),
  )
  .map((line) => {
    const [rule = '', decides = '', mirror = ''] = line
      .split(' | ')
      .map((cell) => cell.replace(/^\| ?| ?\|$/g, ''));
    // A mirror cell names the mirror first; any further path is context (the test of both).
    return { rule, files: pathsIn(decides), mirrors: pathsIn(mirror).slice(0, 1) };
  });

/** The repository paths a cell names in backticks (a glob like `*-schemas.ts` is not a path). */
function pathsIn(cell: string): string[] {
  return [...cell.matchAll(/`([^`*]+\/[^`*]+)`/g)].map((match) => match[1]!);
}

describe('docs/architecture.md, "Where each rule lives"', () => {
  it('names at least the rules the architecture promises a home for', () => {
    const rules = rows.map((row) => row.rule).join('\n');
    for (const word of [
      'queue number',
      'DST',
      'horizon',
      'status',
      'cache',
      'search',
      'rating',
      'may see or change',
    ]) {
      expect(rules).toContain(word);
    }
  });

  it.each(rows.map((row) => [row.rule, row] as const))(
    'names one existing deciding file for: %s',
    (_rule, row) => {
      expect(row.files.length).toBeGreaterThan(0);
      for (const file of row.files) expect(existsSync(new URL(file, root)), file).toBe(true);
    },
  );

  it.each(rows.filter((row) => row.mirrors.length > 0).map((row) => [row.rule, row] as const))(
    'has each mirror name the file it mirrors, for: %s',
    async (_rule, row) => {
      for (const mirror of row.mirrors) {
        expect(existsSync(new URL(mirror, root)), mirror).toBe(true);
        const mirrored = await readFile(new URL(mirror, root), 'utf8');
        expect(mirrored).toContain(basename(row.files[0]!));
      }
    },
  );
});
