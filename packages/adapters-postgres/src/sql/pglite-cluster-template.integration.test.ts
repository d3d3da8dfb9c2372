import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  clusterTemplateUsable,
  createClusterFromTemplate,
  installedPGliteVersion,
} from './pglite-cluster-template.js';
import { PGliteSqlClient } from './pglite-client.js';

const root = mkdtempSync(join(tmpdir(), 'doctorly-cluster-template-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the empty PGlite cluster new data folders start from', () => {
  it('was made by the installed PGlite (else: npx tsx packages/adapters-postgres/src/testing/write-cluster-template.ts)', () => {
    expect(installedPGliteVersion()).toMatch(/^\d+\.\d+\.\d+/);
    expect(clusterTemplateUsable()).toBe(true);
  });

  it(
    'gives a folder that opens, keeps what is written and opens again',
    { timeout: 120_000 },
    async () => {
      const dataDir = join(root, 'new', 'pglite');
      const first = await PGliteSqlClient.open(dataDir);
      try {
        expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
        await first.script('CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE TABLE kept (x int)');
        await first.query('INSERT INTO kept VALUES (1), (2)');
        expect(await first.query('SHOW shared_buffers')).toEqual([{ shared_buffers: '8MB' }]);
      } finally {
        await first.close();
      }
      // Extracted beside the folder and renamed into place: nothing partial is left behind.
      expect(readdirSync(join(root, 'new'))).toEqual(['pglite']);
      const again = await PGliteSqlClient.open(dataDir);
      try {
        expect(await again.query('SELECT sum(x)::int AS total FROM kept')).toEqual([{ total: 3 }]);
      } finally {
        await again.close();
      }
    },
  );

  it('leaves a folder that already holds something alone', async () => {
    const taken = join(root, 'taken');
    const dataDir = join(taken, 'pglite');
    rmSync(taken, { recursive: true, force: true });
    expect(await createClusterFromTemplate(dataDir)).toBe(true);
    expect(await createClusterFromTemplate(dataDir)).toBe(false);
    const other = mkdtempSync(join(root, 'other-'));
    expect(await createClusterFromTemplate(other)).toBe(false);
    expect(readdirSync(other)).toEqual([]);
  });
});
