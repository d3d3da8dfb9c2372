import { Counter } from 'prom-client';
import type { ServerMetrics } from './metrics.js';

/** What a cache adapter may expose about itself (the Redis cache does). */
interface CountingCache {
  readonly counters: { readonly hits: number; readonly misses: number; readonly errors?: number };
}

function isCounting(cache: unknown): cache is CountingCache {
  const counters = (cache as { counters?: unknown } | null)?.counters;
  return (
    typeof counters === 'object' &&
    counters !== null &&
    typeof (counters as { hits?: unknown }).hits === 'number'
  );
}

/**
 * Exposes the cache's own hit/miss/error counts, read at scrape time, when the cache adapter
 * counts them; a cache that does not is simply not reported.
 */
export function registerCacheMetrics(metrics: ServerMetrics, cache: unknown): void {
  if (!isCounting(cache)) return;
  new Counter({
    name: 'doctorly_cache_requests_total',
    help: 'Cache reads by result (hit, miss, error), as counted by the cache adapter.',
    labelNames: ['result'] as const,
    registers: [metrics.registry],
    collect() {
      this.reset();
      this.inc({ result: 'hit' }, cache.counters.hits);
      this.inc({ result: 'miss' }, cache.counters.misses);
      this.inc({ result: 'error' }, cache.counters.errors ?? 0);
    },
  });
}
