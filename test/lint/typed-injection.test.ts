import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
// The repository's real configuration; the probe file does not exist, so typed rules are off.
const eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked });

async function violations(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, {
    filePath: `${root}packages/runtime/src/lint-probe.ts`,
  });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

const prelude =
  "import { Container } from 'inversify';\nimport { Cache } from '@doctorly/core';\nconst container = new Container();\n";

describe('the typed injection lint rule', () => {
  it.each([
    'export const cache = container.get<Cache>(Cache);',
    'export const cache = container.getAsync<Cache>(Cache);',
    'container.bind<unknown>(Cache).toConstantValue(1);',
    'container.rebind<Cache>(Cache);',
    "export const book = container.get<unknown>(useCaseIdentifier('bookAppointment'));",
  ])('rejects an explicit type argument: %s', async (code) => {
    expect(await violations(prelude + code)).toEqual([expect.stringContaining('typed token')]);
  });

  it('accepts a get that infers its type from the token', async () => {
    expect(await violations(`${prelude}export const cache = container.get(Cache);`)).toEqual([]);
  });

  it("accepts an HTTP client's typed get of a path", async () => {
    expect(
      await violations(
        "declare const api: { get<T>(path: string): T };\nconst path = '/metrics';\nexport const v = api.get<number>(path);",
      ),
    ).toEqual([]);
  });
});
