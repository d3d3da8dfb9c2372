import type {
  DoctorId,
  DoctorSearchIndex,
  DoctorSearchQuery,
  DoctorView,
  Page,
} from '@doctorly/core';
import { CircuitBreaker, type BreakerOptions } from '../fail-open/circuit-breaker.js';
import type { RedisEventListener } from '../fail-open/events.js';

/** Options of {@link DoctorSearchIndexWithFallback}. @category Adapters */
export interface SearchFallbackOptions {
  /** Longest a search may take on the primary before the fallback answers. Default 1000 ms. */
  readonly timeoutMs?: number;
  readonly breaker?: BreakerOptions;
  readonly onEvent?: RedisEventListener;
}

/**
 * Searches on `primary` (the Redis Query Engine) and, when it fails, is slow, or its breaker
 * is open, answers the same search from `fallback` (PostgreSQL), so a Redis outage never
 * fails a search. Only `search` falls back: `upsert`/`remove` must reach the primary (their
 * errors propagate, so the outbox relay retries), and `get`/`ids` describe the primary for
 * reconciliation — answering them from PostgreSQL would hide the very drift it looks for.
 * @category Adapters
 */
export class DoctorSearchIndexWithFallback implements DoctorSearchIndex {
  private readonly breaker: CircuitBreaker;
  private readonly timeoutMs: number;
  private readonly onEvent: RedisEventListener;

  constructor(
    private readonly primary: DoctorSearchIndex,
    private readonly fallback: DoctorSearchIndex,
    options: SearchFallbackOptions = {},
  ) {
    this.onEvent = options.onEvent ?? (() => {});
    this.timeoutMs = options.timeoutMs ?? 1_000;
    this.breaker = new CircuitBreaker(options.breaker, (state) =>
      this.onEvent({ type: 'state', state }),
    );
  }

  get engine(): DoctorSearchIndex['engine'] {
    return this.primary.engine;
  }

  /** The primary's: documents are written there only. */
  get keepsDocuments(): boolean {
    return this.primary.keepsDocuments;
  }

  prepare(): Promise<void> {
    return this.primary.prepare();
  }

  upsert(doctor: DoctorView): Promise<void> {
    return this.primary.upsert(doctor);
  }

  remove(doctorId: DoctorId): Promise<void> {
    return this.primary.remove(doctorId);
  }

  get(doctorId: DoctorId): Promise<DoctorView | undefined> {
    return this.primary.get(doctorId);
  }

  ids(): Promise<readonly DoctorId[]> {
    return this.primary.ids();
  }

  async search(query: DoctorSearchQuery): Promise<Page<DoctorView>> {
    if (this.breaker.tryAcquire()) {
      try {
        const page = await withTimeout(this.primary.search(query), this.timeoutMs);
        this.breaker.succeeded();
        return page;
      } catch (error) {
        this.breaker.failed();
        this.onEvent({
          type: 'failure',
          operation: 'search.search',
          reason: error instanceof SearchTimeout ? 'timeout' : 'error',
          error,
        });
      }
    }
    this.onEvent({ type: 'fallback', operation: 'search.search' });
    return this.fallback.search(query);
  }
}

class SearchTimeout extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SearchTimeout(`search timed out after ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
