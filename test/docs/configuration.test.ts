import { readFile } from 'node:fs/promises';
import { configVariables } from '@doctorly/runtime';
import { workerConfigVariables } from '@doctorly/worker';
import { describe, expect, it } from 'vitest';

/** A row of a markdown table in docs/configuration.md whose first cell names a variable. */
interface DocumentedVariable {
  readonly name: string;
  readonly default: string;
  readonly meaning: string;
}

/** Code spans are formatting, not content: `5000` and 5000 say the same. */
const plain = (cell: string) => cell.replace(/`/g, '').trim();

function documentedVariables(markdown: string): DocumentedVariable[] {
  const rows: DocumentedVariable[] = [];
  for (const line of markdown.split('\n')) {
    const cells = /^\|(.*)\|\s*$/.exec(line)?.[1]?.split('|');
    const name = cells?.[0]?.trim().match(/^`([A-Z][A-Z0-9_]*)`$/)?.[1];
    if (!cells || name === undefined) continue;
    expect(cells, `the row of ${name} has the columns variable | default | meaning`).toHaveLength(
      3,
    );
    rows.push({ name, default: plain(cells[1]!), meaning: plain(cells[2]!) });
  }
  return rows;
}

/** Every variable the server and the worker read, from the code's own lists. */
const variables: readonly { name: string; default: string }[] = [
  ...configVariables,
  ...workerConfigVariables,
];

describe('docs/configuration.md', async () => {
  const markdown = await readFile(new URL('../../docs/configuration.md', import.meta.url), 'utf8');
  const documented = documentedVariables(markdown);

  it('documents every variable the runtime reads, each once, and no other', () => {
    const names = documented.map((row) => row.name);
    expect(new Set(names).size, 'a variable is documented twice').toBe(names.length);
    expect([...names].sort()).toEqual(variables.map((v) => v.name).sort());
  });

  it.each(variables.map((v) => [v.name, v] as const))(
    'gives %s its default and a meaning',
    (name, variable) => {
      const row = documented.find((r) => r.name === name);
      expect(row?.default).toBe(plain(variable.default));
      expect(row?.meaning.length).toBeGreaterThanOrEqual(20);
    },
  );

  it('finds the tables at all (the parser is not fooled by a format change)', () => {
    expect(documented.length).toBeGreaterThanOrEqual(10);
    expect(documented.find((r) => r.name === 'PORT')).toEqual(
      expect.objectContaining({ default: '5000' }),
    );
  });
});
