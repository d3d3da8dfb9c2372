import { defineConfig } from 'vitest/config';

// The reliability suite (docs/reliability.md): real server, worker, PostgreSQL and Redis
// processes, faults injected while they run. Kept out of `npm test` (the root config excludes
// it) because it spawns processes and takes minutes; run it with `npm run test:reliability`.
process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';

export default defineConfig({
  // The same source-resolution condition as the root config: no build needed.
  resolve: { conditions: ['@doctorly/source'] },
  ssr: { resolve: { conditions: ['@doctorly/source'] } },
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/reliability/**/*.test.ts'],
    // Each file starts its own server (and Redis): one at a time on a 2-core machine.
    fileParallelism: false,
    pool: 'forks',
    hookTimeout: 300_000,
    testTimeout: 180_000,
    // The one-line results of each check are the point of the suite: show them.
    silent: false,
  },
});
