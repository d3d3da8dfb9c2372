import { PostgresLiveChannel, type SqlClient } from '@doctorly/adapters-postgres';
import { RedisLiveChannel, type FailOpenRedis } from '@doctorly/adapters-redis';
import type { LiveChannel, LiveChannelEvent, LiveChannelEventListener } from '@doctorly/core';
import { InMemoryLiveChannel } from '@doctorly/core/memory';
import type { Logger } from 'pino';

/** How live notices reach the other replicas. @category Composition */
export type LiveFanOut = 'redis' | 'postgres' | 'in-process';

/** Where the live fan-out may run, best first. */
export interface LiveTransports {
  /** Redis (`REDIS_URL`): its URL, key prefix and the adapters' normal connection. */
  readonly redis?: {
    readonly url: string;
    readonly prefix: string;
    readonly publisher: FailOpenRedis;
  };
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
    const { url, prefix, publisher } = transports.redis;
    return {
      channel: new RedisLiveChannel({ url, prefix, publisher, onEvent }),
      fanOut: 'redis',
    };
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
  const last = new Map<LiveChannelEvent['type'], number>();
  return (event) => {
    if (event.type === 'listening') {
      logger.info({ liveEvent: event }, 'live updates: listening');
      return;
    }
    const now = Date.now();
    if (now - (last.get(event.type) ?? 0) < 1000) return;
    last.set(event.type, now);
    const details =
      'error' in event
        ? {
            ...event,
            error: event.error instanceof Error ? event.error.message : String(event.error),
          }
        : event;
    logger.warn({ liveEvent: details }, `live updates: ${event.type}`);
  };
}
