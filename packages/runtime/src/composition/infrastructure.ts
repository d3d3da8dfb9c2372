import type { SqlClient } from '@doctorly/adapters-postgres';
import type { ContainerModule } from 'inversify';

/** State of Redis as the health check reports it. @category Composition */
export type RedisHealth = 'up' | 'down' | 'disabled' | 'degraded';

/**
 * The stateful adapters chosen from the configuration, as inversify modules that bind core's
 * tokens (`UnitOfWork`, `OutboxStore`, `Cache`, `DoctorSearchIndex`,
 * `TokenRevocationStore`, `RateLimiter`), loaded in order (a later module rebinds
 * a token an earlier one bound), and how to check and release them.
 */
export interface Infrastructure {
  readonly database: 'postgres' | 'pglite' | 'memory';
  readonly modules: readonly ContainerModule[];
  /** The client of the PostgreSQL or PGlite database; none in memory. */
  readonly sql: SqlClient | undefined;
  /** Brings the schema up to date (idempotent). */
  migrate(): Promise<void>;
  /** Whether the database answers a trivial query. */
  databaseUp(): Promise<boolean>;
  redisHealth(): Promise<RedisHealth>;
  /** Releases every connection; safe to call twice. */
  close(): Promise<void>;
}
