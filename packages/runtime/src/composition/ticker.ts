import type { Clock } from '@doctorly/core';
import type { Runtime } from './runtime.js';

/** Ticks one at a time: a slow tick delays the next instead of overlapping it. */
export function startTicker(
  runtime: Runtime,
  intervalMs: number,
  clock: Clock,
): () => Promise<void> {
  let stopped = false;
  let current: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      const result = await runtime.runWorkerTick(clock.now());
      const { materialized, closed, relayed } = result;
      if (materialized.created + closed.closed + relayed.claimed > 0)
        runtime.logger.debug({ tick: result }, 'worker tick');
    } catch (error) {
      runtime.logger.error({ err: error }, 'worker tick failed');
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = tick().finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await current;
  };
}
