import { PostgresLiveChannel, type SqlClient } from '@doctorly/adapters-postgres';
import type { LiveChannel, LiveChannelEvent, LiveChannelEventListener } from '@doctorly/core';
import { InMemoryLiveChannel } from '@doctorly/core/memory';
import type { Logger } from 'pino';
import { throttledWarning } from './throttled-warning.js';

/** How live notices reach the other replicas. @category Composition */
export type LiveFanOut = 'redis' | 'postgres' | 'in-process';

/** Where the live fan-out may run, best first. */
export interface LiveTransports {
  /**
   * Redis (`REDIS_URL`): makes the Redis pub/sub channel. A factory, so that the Redis
   * adapters are loaded only by a host that has Redis (the embedded default never loads them).
   */
  readonly redis?: { readonly open: (onEvent: LiveChannelEventListener) => LiveChannel };
  /** A PostgreSQL server (`DATABASE_URL`): its URL and pool. */
  readonly postgres?: { readonly url: string; readonly sql: SqlClient };
}

/** The {@link LiveChannel} chosen, and which fan-out it is. */
export interface OpenedLiveChannel {
  readonly channel: LiveChannel;
  readonly fanOut: LiveFanOut;
}

/**
 * Picks the live fan-out: Redis pub/sub when there is Redis, else PostgreSQL `LISTEN/NOTIFY`
 * on a server, else in process (the embedded PGlite or memory: one process, whose ticker
 * runs the background work and so publishes in process too). Logs the choice and why; the
 * adapter's trouble goes to the log, at most once per second per kind. Opens nothing yet:
 * the listening connection comes with the first subscriber.
 */
export function openLiveChannel(transports: LiveTransports, logger: Logger): OpenedLiveChannel {
  const onEvent = liveEventLogger(logger);
  if (transports.redis) {
    logger.info(
      { live: 'redis', reason: 'REDIS_URL is set' },
      'live updates: Redis pub/sub (reaches every replica sharing this Redis)',
    );
    return { channel: transports.redis.open(onEvent), fanOut: 'redis' };
  }
  if (transports.postgres) {
    logger.info(
      { live: 'postgres', reason: 'DATABASE_URL is set, REDIS_URL is not' },
      'live updates: PostgreSQL LISTEN/NOTIFY (reaches every replica sharing this database)',
    );
    const { url, sql } = transports.postgres;
    return { channel: new PostgresLiveChannel({ url, sql, onEvent }), fanOut: 'postgres' };
  }
  logger.info(
    { live: 'in-process', reason: 'embedded database: one process' },
    'live updates: in process',
  );
  return { channel: new InMemoryLiveChannel(onEvent), fanOut: 'in-process' };
}

function liveEventLogger(logger: Logger): LiveChannelEventListener {
  const warn = throttledWarning<LiveChannelEvent>(
    logger,
    'liveEvent',
    (event) => `live updates: ${event.type}`,
  );
  return (event) => {
    if (event.type === 'listening') logger.info({ liveEvent: event }, 'live updates: listening');
    else warn(event);
  };
}
