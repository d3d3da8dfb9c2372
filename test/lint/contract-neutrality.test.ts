import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
// The repository's real lint configuration; the probe file does not exist on disk, so
// type-aware rules are off for it (as in core-purity.test.ts).
const eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked });

async function contractViolations(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, {
    filePath: `${root}packages/http-contract/src/lint-probe.ts`,
  });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('the HTTP contract neutrality lint rule', () => {
  it.each([
    "import Koa from 'koa';\nexport const x = Koa;",
    "import { createServer } from 'node:http';\nexport const x = createServer;",
    "import { createRuntime } from '@doctorly/runtime';\nexport const x = createRuntime;",
  ])('rejects a host or infrastructure import: %s', async (code) => {
    expect(await contractViolations(code)).toEqual([expect.stringContaining('host-neutral')]);
  });

  it('accepts core and zod', async () => {
    const code =
      "import { DomainError } from '@doctorly/core';\nimport { z } from 'zod';\nexport const x = [DomainError, z];";
    expect(await contractViolations(code)).toEqual([]);
  });
});
