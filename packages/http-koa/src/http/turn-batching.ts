import type { Middleware } from 'koa';

/**
 * Holds every answer until the end of the event-loop turn that produced it, so that the
 * answers of one turn leave together. An answer computed without any I/O (a cached read
 * served from the process) would otherwise be written at once, each write waking the peer on
 * its own: with the client or a proxy on the same host, those wake-ups were most of the
 * kernel time of a cached read (profiled with perf: ~7 % of the server's CPU in
 * `try_to_wake_up` under `writev`). One `setImmediate` per turn, shared by all its answers.
 */
export function answerAtEndOfTurn(): Middleware {
  let turnEnd: Promise<void> | undefined;
  const endOfTurn = (): Promise<void> =>
    (turnEnd ??= new Promise((resolve) => {
      setImmediate(() => {
        turnEnd = undefined;
        resolve();
      });
    }));
  return async (_ctx, next) => {
    await next();
    await endOfTurn();
  };
}
