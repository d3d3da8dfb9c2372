import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import type { ServerMetrics } from './metrics.js';
import type { ServerState } from './state.js';

/** Unknown paths share one label, so that scanners cannot blow up the metrics' cardinality. */
const unmatchedRoute = '<unmatched>';

/**
 * Logs one JSON line per request (at `info`; `error` for a 5xx) on the request's logger, and
 * records its count and latency by route template (never the raw path, which holds ids).
 * Runs outside the error handler, so it sees final statuses. `logger` only tells whether the
 * line would be written: when it would not, neither the line nor the request's logger is made.
 */
export function accessLog(metrics: ServerMetrics, logger: Logger): Middleware<ServerState> {
  return async (ctx, next) => {
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const matched = (ctx as { _matchedRoute?: string | RegExp })._matchedRoute;
      const route = typeof matched === 'string' ? matched : unmatchedRoute;
      const labels = { method: ctx.method, route, status: String(ctx.status) };
      metrics.requests.inc(labels);
      metrics.duration.observe(labels, seconds);
      const failed = ctx.status >= 500;
      if (logger.isLevelEnabled(failed ? 'error' : 'info')) {
        const entry = { method: ctx.method, path: ctx.path, route, status: ctx.status, duration_ms: Math.round(seconds * 1e4) / 10 };
        if (failed) ctx.state.log.error(entry, 'request failed');
        else ctx.state.log.info(entry, 'request');
      }
    }
  };
}
