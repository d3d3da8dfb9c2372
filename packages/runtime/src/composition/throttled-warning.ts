import type { Logger } from 'pino';

/**
 * Logs an adapter's trouble events as warnings under `field`, at most once per second per
 * event type, so an outage (every request failing) does not flood the log. An `error` is
 * logged as its message: the events' errors are the drivers' and may not serialize.
 */
export function throttledWarning<E extends { readonly type: string }>(
  logger: Logger,
  field: string,
  message: (event: E) => string,
): (event: E) => void {
  const last = new Map<string, number>();
  return (event) => {
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
    logger.warn({ [field]: details }, message(event));
  };
}
