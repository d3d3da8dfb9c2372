import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
// The real lint configuration, probed with a file that does not exist (type-aware rules off).
const eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked });

async function memoryImportViolations(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, {
    filePath: `${root}packages/core/src/memory/lint-probe.ts`,
  });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

describe('the memory/ imports-inward lint rule', () => {
  it.each([
    "import { BookAppointment } from '../booking/book-appointment.js';\nexport const x = BookAppointment;",
    "import { commit } from '../shared/commit.js';\nexport const x = commit;",
    "import { doctorOfActor } from '../doctors/doctor-of-actor.js';\nexport const x = doctorOfActor;",
    "import { BookAppointment } from '../booking/index.js';\nexport const x = BookAppointment;",
  ])('rejects a value import from a use case or a barrel: %s', async (code) => {
    expect(await memoryImportViolations(code)).toEqual([
      expect.stringContaining('memory/ is an adapter'),
    ]);
  });

  it('rejects importing core through its package name', async () => {
    const code =
      "import { BookAppointment } from '@doctorly/core';\nexport const x = BookAppointment;";
    expect(await memoryImportViolations(code)).toEqual([expect.stringContaining('barrel')]);
  });

  it('accepts type imports of ports and models', async () => {
    const code =
      "import type { SittingRepository } from '../scheduling/sitting-repository.js';\nexport type X = SittingRepository;";
    expect(await memoryImportViolations(code)).toEqual([]);
  });

  it('accepts value imports from the listed shared modules and rules', async () => {
    const code = [
      "import { DomainError } from '../shared/domain-error.js';",
      "import { deepFreeze } from '../cache/deep-freeze.js';",
      "import { InMemoryCache } from './in-memory-cache.js';",
      'export const x = [DomainError, deepFreeze, InMemoryCache];',
    ].join('\n');
    expect(await memoryImportViolations(code)).toEqual([]);
  });
});
