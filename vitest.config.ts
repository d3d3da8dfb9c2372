import { defineConfig } from 'vitest/config';

// Workspace packages are resolved through their `@doctorly/source` export condition, so the
// tests run straight from TypeScript sources and never need a build first.
export default defineConfig({
  resolve: { conditions: ['@doctorly/source'] },
  ssr: { resolve: { conditions: ['@doctorly/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts', 'examples/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', 'test/reliability/**'],
    // PGlite needs a few seconds to boot on two cores (shared/STACK.md, trap 8).
    hookTimeout: 60_000,
    testTimeout: 30_000,
    pool: 'forks',
  },
});
