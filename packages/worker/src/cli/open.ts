import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  createPostgresAdapters,
  PgPoolSqlClient,
  type PostgresAdapters,
} from '@doctorly/adapters-postgres';
import {
  createRuntime,
  loadConfig,
  SystemClock,
  type Config,
  type Runtime,
} from '@doctorly/runtime';
import { pino } from 'pino';
import { runtimeEnvironment } from '../loop/worker-config.js';
import type { CliIo } from './command.js';

/** The configuration of the CLI: the server's variables (`loadConfig`). */
export function cliConfig(io: CliIo): Config {
  return loadConfig(runtimeEnvironment(io.env));
}

/**
 * A runtime for one command (migrated, catalog seeded), logging warnings only, to stderr:
 * the command's own output stays readable.
 */
export function openRuntime(config: Config): Promise<Runtime> {
  const logger = pino(
    { name: 'doctorly-cli', level: config.logLevel === 'info' ? 'warn' : config.logLevel },
    pino.destination(2),
  );
  return createRuntime(config, { logger });
}

/** A small pool of the CLI's own for bulk SQL; needs a PostgreSQL server. */
export function openSql(config: Config): PgPoolSqlClient | undefined {
  return config.databaseUrl === undefined
    ? undefined
    : new PgPoolSqlClient({
        url: config.databaseUrl,
        poolSize: 2,
        applicationName: 'doctorly-cli',
      });
}

/**
 * The PostgreSQL adapters alone (no runtime: nothing migrated, seeded or relayed on the
 * way): the server at `DATABASE_URL`, else the embedded PGlite in `DATA_DIR`.
 */
export function openPostgres(config: Config): Promise<PostgresAdapters> {
  if (config.databaseUrl !== undefined)
    return createPostgresAdapters({ url: config.databaseUrl, poolSize: 2 }, new SystemClock());
  mkdirSync(config.dataDir, { recursive: true });
  return createPostgresAdapters({ dataDir: join(config.dataDir, 'pglite') }, new SystemClock());
}
