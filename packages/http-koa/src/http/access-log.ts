import type { Context } from 'koa';
import type { Logger } from 'pino';
import type { ServerMetrics } from './metrics.js';
import type { ServerState } from './state.js';

/** Unknown paths share one label, so that scanners cannot blow up the metrics' cardinality. */
const unmatchedRoute = '<unmatched>';

/**
 * Logs one JSON line per request (at `info`; `error` for a 5xx) on the request's logger, and
 * records its count and latency by route template (never the raw path, which holds ids).
 * Called once the request is answered, outside the error handler, so it sees final statuses.
 * `logger` only tells whether the line would be written: when it would not, neither the line
 * nor the request's logger is made.
 */
export function logRequest(
  ctx: Context & { state: ServerState },
  startedNs: bigint,
  metrics: ServerMetrics,
  logger: Logger,
): void {
  const seconds = Number(process.hrtime.bigint() - startedNs) / 1e9;
  const matched = (ctx as { _matchedRoute?: string | RegExp })._matchedRoute;
  const route = typeof matched === 'string' ? matched : unmatchedRoute;
  metrics.observeRequest(ctx.method, route, ctx.status, seconds);
  const failed = ctx.status >= 500;
  if (logger.isLevelEnabled(failed ? 'error' : 'info')) {
    const entry = {
      method: ctx.method,
      path: ctx.path,
      route,
      status: ctx.status,
      duration_ms: Math.round(seconds * 1e4) / 10,
    };
    if (failed) ctx.state.log.error(entry, 'request failed');
    else ctx.state.log.info(entry, 'request');
  }
}
