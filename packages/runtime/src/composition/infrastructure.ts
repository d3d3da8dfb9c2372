import type { SqlClient } from '@doctorly/adapters-postgres';
import type { Container } from 'inversify';
import type { LiveFanOut } from './live-infrastructure.js';

/** State of Redis as the health check reports it. @category Composition */
export type RedisHealth = 'up' | 'down' | 'disabled' | 'degraded';

/**
 * The stateful adapters chosen from the configuration (already connected), and how to bind,
 * check and release them.
 */
export interface Infrastructure {
  readonly database: 'postgres' | 'pglite' | 'memory';
  /** How live notices reach the other replicas. */
  readonly live: LiveFanOut;
  /**
   * Loads the modules that bind core's stateful ports (`UnitOfWork`, `OutboxStore`, `Cache`,
   * `DoctorSearchIndex`, `TokenRevocationStore`, `RateLimiter`, `LiveChannel`) into `container`. Where two
   * packages could serve a port, the choice is an explicit `rebind` here, never the order
   * modules are loaded in.
   */
  load(container: Container): void;
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
