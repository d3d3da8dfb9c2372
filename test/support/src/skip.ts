import { describe } from 'vitest';
import { hasRealPostgres } from './postgres.js';

/**
 * `describe` for suites that need a PostgreSQL server (several connections, advisory locks,
 * separate processes) and cannot run on PGlite: without `DATABASE_URL` the suite is skipped
 * and one line says why.
 */
export function describeOnPostgresServer(what: string): ReturnType<typeof describe.skipIf> {
  const available = hasRealPostgres();
  if (!available) {
    console.warn(
      `[skip] ${what}: needs a PostgreSQL server; DATABASE_URL is unset (PGlite has one connection).`,
    );
  }
  return describe.skipIf(!available);
}
