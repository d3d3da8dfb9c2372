import type { BreakerState } from './circuit-breaker.js';

/**
 * What the Redis adapters report to the host (logs, metrics): breaker transitions, calls that
 * failed or were refused (the caller got the fail-open answer instead), connection errors,
 * and cache generation bumps (see {@link RedisCache}).
 * @category Adapters
 */
export type RedisAdapterEvent =
  | { readonly type: 'state'; readonly state: BreakerState }
  | {
      readonly type: 'failure';
      readonly operation: string;
      readonly reason: 'timeout' | 'error';
      readonly error: unknown;
    }
  | { readonly type: 'refused'; readonly operation: string }
  | { readonly type: 'connection-error'; readonly error: unknown }
  | { readonly type: 'generation-bumped' }
  | { readonly type: 'fallback'; readonly operation: string };

/** A listener of {@link RedisAdapterEvent}s; it must not throw (errors are swallowed). @category Adapters */
export type RedisEventListener = (event: RedisAdapterEvent) => void;
