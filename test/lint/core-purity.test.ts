import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
// The real lint configuration of the repository, not a copy of its rules. The probe file does
// not exist on disk, so type-aware rules are switched off for it; the purity rules are not.
const eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked });

async function coreRuleViolations(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, {
    filePath: `${root}packages/core/src/lint-probe.ts`,
  });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId?.startsWith('no-restricted-') ?? false)
    .map((m) => m.message);
}

describe('the core purity lint rule', () => {
  it.each([
    "import pg from 'pg';\nexport const x = pg;",
    "import { Redis } from 'ioredis';\nexport const x = Redis;",
    "import Koa from 'koa';\nexport const x = Koa;",
    "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;",
    "import { createServer } from 'node:http';\nexport const x = createServer;",
    "import { PostgresUnitOfWork } from '@doctorly/adapters-postgres';\nexport const x = PostgresUnitOfWork;",
  ])('rejects an impure import: %s', async (code) => {
    expect(await coreRuleViolations(code)).toEqual([expect.stringContaining('core is pure')]);
  });

  it('rejects reading the environment and the clock', async () => {
    const messages = await coreRuleViolations(
      'export const a = process.env.PORT;\nexport const b = Date.now();\nexport const c = new Date();',
    );
    expect(messages.join('\n')).toMatch(/environment/);
    expect(messages.filter((m) => m.includes('clock'))).toHaveLength(2);
  });

  it('accepts pure code', async () => {
    const messages = await coreRuleViolations(
      "import { DateTime } from 'luxon';\nexport const at = (iso: string) => DateTime.fromISO(iso);",
    );
    expect(messages).toEqual([]);
  });
});
