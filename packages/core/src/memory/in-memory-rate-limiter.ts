import type { Clock } from '../shared/clock.js';
import type { RateLimitDecision, RateLimiter } from '../identity/rate-limiter.js';

interface Window {
  count: number;
  endsAt: number;
}

/**
 * {@link RateLimiter} in memory with fixed windows: a window opens at a key's first attempt
 * and lasts `windowSeconds` (like Redis `INCR` + `EXPIRE`), timed by the {@link Clock}.
 * @category Testing
 */
export class InMemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly clock: Clock) {}

  hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitDecision> {
    const now = this.clock.now().getTime();
    const window = this.current(key, now) ?? { count: 0, endsAt: now + windowSeconds * 1000 };
    window.count += 1;
    this.windows.set(key, window);
    return Promise.resolve(decide(window, limit, now));
  }

  check(key: string, limit: number, _windowSeconds: number): Promise<RateLimitDecision> {
    const now = this.clock.now().getTime();
    const window = this.current(key, now);
    if (!window)
      return Promise.resolve({
        allowed: limit > 0,
        remaining: Math.max(0, limit),
        retryAfterSeconds: 0,
      });
    // `check` asks whether one more attempt would pass, so it counts as if it were one.
    const verdict = decide({ ...window, count: window.count + 1 }, limit, now);
    return Promise.resolve({ ...verdict, remaining: verdict.allowed ? limit - window.count : 0 });
  }

  reset(key: string): Promise<void> {
    this.windows.delete(key);
    return Promise.resolve();
  }

  private current(key: string, now: number): Window | undefined {
    const window = this.windows.get(key);
    if (window && window.endsAt <= now) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }
}

function decide(window: Window, limit: number, now: number): RateLimitDecision {
  if (window.count <= limit)
    return { allowed: true, remaining: limit - window.count, retryAfterSeconds: 0 };
  return {
    allowed: false,
    remaining: 0,
    retryAfterSeconds: Math.max(1, Math.ceil((window.endsAt - now) / 1000)),
  };
}
