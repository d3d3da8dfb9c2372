// The search rows on the Redis Query Engine (REDIS_SEARCH_URL), beside PostgreSQL's: the same
// doctors (the bench database, copied into the index by `doctorly reindex`), the same queries
// (searchPlans, same seeds), the same token, a server that differs from the PostgreSQL
// search server by SEARCH_ENGINE=redis alone. The index lives under the bench's own prefix and
// is dropped with its documents at the end, whatever happened.
import { setTimeout as sleep } from 'node:timers/promises';
import { detectRedisCapabilities } from '@doctorly/adapters-redis';
import {
  openRedisDoctorSearchIndex,
  type RedisDoctorSearchIndex,
  type SearchIndexState,
} from '@doctorly/adapters-redis/search';
import type { ChildServer } from '../processes.js';
import type { Row } from '../report.js';

/** What the Redis search rows need of the run (bench/run.ts). */
export interface RedisSearchRun {
  /** `REDIS_SEARCH_URL`: a Redis with the Query Engine and RedisJSON (a Redis Stack). */
  readonly url: string | undefined;
  /** The bench's own key prefix (`REDIS_PREFIX`): the index is `{prefix}doctor-index`. */
  readonly prefix: string;
  /** Doctors in the bench database now: what the index must hold before it is measured. */
  readonly doctors: () => Promise<number>;
  /** Runs the CLI (`reindex`) with these variables over the bench's environment. */
  readonly cli: (args: readonly string[], env: Record<string, string>) => Promise<string>;
  /** Starts a Doctorly server with these variables over the bench's environment. */
  readonly start: (name: string, env: Record<string, string>) => Promise<ChildServer>;
  /** Stops it; its peak RSS. */
  readonly stop: (server: ChildServer) => Promise<number | undefined>;
  /** Measures the bench's searches on one server: the rows, engine not yet named. */
  readonly measure: (server: ChildServer) => Promise<Row[]>;
  readonly log: (line: string) => void;
}

/** The Redis rows and what to say about them, or why they were not run. */
export type RedisSearchOutcome =
  | {
      readonly ran: true;
      readonly rows: Row[];
      readonly server: string;
      readonly peakRssMB: number | undefined;
      readonly notes: string[];
    }
  | { readonly ran: false; readonly reason: string };

/** The server column of the Redis engine's rows. */
export const redisSearchServer = 'redis engine, cache off';

/** Longest the engine may take to hold every doctor after the fill. */
const indexedWithinMs = 300_000;

/**
 * Measures the bench's searches on the Redis Query Engine, or says why not: no
 * `REDIS_SEARCH_URL`, or a Redis there without the Query Engine and RedisJSON. Fills the index
 * from the bench database, waits until the engine holds every doctor (`FT.INFO`), measures,
 * and drops the index with its documents in the end (`RedisDoctorSearchIndex.drop`).
 */
export async function measureRedisSearch(run: RedisSearchRun): Promise<RedisSearchOutcome> {
  if (!run.url)
    return {
      ran: false,
      reason:
        'REDIS_SEARCH_URL is not set (a Redis with the Query Engine adds them, e.g. `docker compose up -d redis` and REDIS_SEARCH_URL=redis://127.0.0.1:6379)',
    };
  const capabilities = await detectRedisCapabilities(run.url);
  if (!capabilities.search || !capabilities.json)
    return {
      ran: false,
      reason: `the Redis at REDIS_SEARCH_URL cannot serve search: ${capabilities.reason.replace(/\.$/, '')}`,
    };
  const opened = await openRedisDoctorSearchIndex({
    url: run.url,
    prefix: run.prefix,
    onError: () => {},
  });
  if (!opened) return { ran: false, reason: `the Redis at REDIS_SEARCH_URL is unreachable` };
  const env = { REDIS_URL: run.url, SEARCH_ENGINE: 'redis', BENCH_CACHE: 'off' };
  const indexName = opened.index.names.indexName;
  let server: ChildServer | undefined;
  try {
    let filled: SearchIndexState;
    let fillSeconds: number;
    try {
      const expected = await run.doctors();
      run.log(`search on the Redis Query Engine: filling ${indexName}`);
      const started = performance.now();
      await run.cli(['reindex'], env);
      filled = await waitUntilIndexed(opened.index, expected);
      fillSeconds = (performance.now() - started) / 1000;
      server = await run.start('doctorly (Redis search)', env);
      // The server reconciles the index with PostgreSQL as it starts: still every doctor, once.
      await waitUntilIndexed(opened.index, expected);
    } catch (error) {
      // The rest of the report stands; the Redis rows say why they are missing.
      run.log(`Redis search rows not run: ${String(error)}`);
      return { ran: false, reason: `filling the index failed: ${firstLine(error)}` };
    }
    run.log('search on the Redis Query Engine (REDIS_SEARCH_URL)');
    const fallbacks = server.watch(searchFallbackLine);
    const rows = (await run.measure(server)).map((row) => ({ ...row, server: redisSearchServer }));
    const name = server.name;
    const peakRssMB = await run.stop(server);
    server = undefined;
    const notes = [
      `Redis Query Engine rows: ${capabilities.reason} The index (${indexName}) was filled from the bench database by \`doctorly reindex\` ` +
        `in ${fillSeconds.toFixed(1)} s and held all ${filled.documents.toLocaleString('en-US')} doctors (FT.INFO num_docs, indexing done) before it was measured; ` +
        'same queries and token as the PostgreSQL rows, on a server that differs from theirs by SEARCH_ENGINE=redis alone (Redis also holds its revocations); the index was dropped with its documents afterwards.',
    ];
    if (fallbacks() > 0)
      notes.push(
        `**The Redis engine rows are not of Redis alone**: its server logged ${fallbacks()} search failures or fallbacks to PostgreSQL while they were measured (logged at most once a second each), so PostgreSQL answered some of their searches.`,
      );
    return { ran: true, rows, server: name, peakRssMB, notes };
  } finally {
    if (server) await run.stop(server).catch(() => undefined);
    await opened.index
      .drop()
      .catch((error: unknown) => run.log(`could not drop ${indexName}: ${String(error)}`));
    await opened.close();
  }
}

/**
 * Waits until the engine has indexed `expected` documents and is not scanning: a measurement
 * of a half-filled index would be of fewer doctors than PostgreSQL's. Fails on documents the
 * engine could not index (they would never be found) and after {@link indexedWithinMs}.
 */
export async function waitUntilIndexed(
  index: RedisDoctorSearchIndex,
  expected: number,
): Promise<SearchIndexState> {
  const deadline = Date.now() + indexedWithinMs;
  for (;;) {
    const state = await index.state();
    if (state.failures > 0)
      throw new Error(
        `${index.names.indexName}: the engine could not index ${state.failures} documents`,
      );
    if (!state.indexing && state.documents === expected) return state;
    if (Date.now() > deadline)
      throw new Error(
        `${index.names.indexName} holds ${state.documents} of ${expected} doctors after ${indexedWithinMs / 1000} s (indexing: ${state.indexing})`,
      );
    await sleep(200);
  }
}

/**
 * A log line of a Redis search that failed or that PostgreSQL answered instead: the runtime
 * logs the adapters' events as `{"redisEvent":{"type":…,"operation":"search.search"}}`
 * (packages/runtime/src/composition/redis-infrastructure.ts), at most once a second per type.
 */
const searchFallbackLine = /"operation":"search\.search"/;

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/**
 * The search rows of both engines side by side: for each query and kind (throughput, latency),
 * PostgreSQL's row, then the Redis engine's. Rows keep their order otherwise.
 */
export function besideEachOther(postgres: readonly Row[], redis: readonly Row[]): Row[] {
  const key = (row: Row) => `${row.scenario}\u0000${row.note ?? ''}`;
  const redisByKey = new Map(redis.map((row) => [key(row), row]));
  const rows: Row[] = [];
  for (const row of postgres) {
    rows.push(row);
    const twin = redisByKey.get(key(row));
    if (twin) {
      rows.push(twin);
      redisByKey.delete(key(row));
    }
  }
  return [...rows, ...redisByKey.values()];
}
