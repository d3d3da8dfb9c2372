import type { RateLimitDecision, RateLimiter } from '@doctorly/core';
import type { FailOpenRedis } from '../fail-open/fail-open-redis.js';
import { LuaScript } from '../fail-open/lua-script.js';

/** Counts one attempt and starts the window at the first one. KEYS: counter; ARGV: window ms. */
const hitScript = new LuaScript(`
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`);

/**
 * {@link RateLimiter} on Redis with fixed windows: a window opens at a key's first attempt and
 * lasts `windowSeconds`; counting is one atomic Lua script (`INCR`, then `PEXPIRE` when the
 * counter is new), so concurrent attempts on several servers are all counted.
 *
 * **Fail-open:** when Redis is slow or down (see {@link FailOpenRedis}) every attempt is
 * allowed — a rate limit is a brake on abuse, not a reason to lock everyone out; the host
 * sees the outage through the breaker state and events.
 * @category Adapters
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly namespace: string;

  constructor(
    private readonly redis: FailOpenRedis,
    prefix = '',
  ) {
    this.namespace = `${prefix}rate:`;
  }

  async hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitDecision> {
    const windowMs = Math.max(1, Math.ceil(windowSeconds * 1000));
    const outcome = await this.redis.run('rateLimiter.hit', (client) =>
      hitScript.run(client, [this.namespace + key], [windowMs]),
    );
    if (!outcome.ok) return allowAll(limit);
    const [count, ttlMs] = outcome.value as [number, number];
    return decide(count, limit, ttlMs);
  }

  async check(key: string, limit: number, _windowSeconds: number): Promise<RateLimitDecision> {
    const counter = this.namespace + key;
    const outcome = await this.redis.run('rateLimiter.check', (client) =>
      client.multi().get(counter).pttl(counter).exec(),
    );
    if (!outcome.ok || !outcome.value) return allowAll(limit);
    const count = Number(outcome.value[0]?.[1] ?? 0);
    const ttlMs = Number(outcome.value[1]?.[1] ?? -2);
    if (!(count > 0) || ttlMs === -2)
      return { allowed: limit > 0, remaining: Math.max(0, limit), retryAfterSeconds: 0 };
    // `check` asks whether one more attempt would pass, so it counts as if it were one.
    const verdict = decide(count + 1, limit, ttlMs);
    return { ...verdict, remaining: verdict.allowed ? limit - count : 0 };
  }

  async reset(key: string): Promise<void> {
    await this.redis.run('rateLimiter.reset', (client) => client.unlink(this.namespace + key));
  }
}

function decide(count: number, limit: number, ttlMs: number): RateLimitDecision {
  if (count <= limit) return { allowed: true, remaining: limit - count, retryAfterSeconds: 0 };
  return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(ttlMs / 1000)) };
}

function allowAll(limit: number): RateLimitDecision {
  return { allowed: true, remaining: Math.max(0, limit), retryAfterSeconds: 0 };
}
