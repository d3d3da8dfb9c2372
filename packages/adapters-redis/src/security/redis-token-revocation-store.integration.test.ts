import { InMemoryTokenRevocationStore, ManualClock } from '@doctorly/core/testing';
import { createTestRedis, isSkip } from '@doctorly/test-support';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FailOpenRedis } from '../fail-open/fail-open-redis.js';
import { FaultProxy, unusedPort } from '../testing/fault-proxy.js';
import { RedisTokenRevocationStore } from './redis-token-revocation-store.js';

const target = await createTestRedis();
const inAnHour = (): Date => new Date(Date.now() + 3_600_000);
let n = 0;
const tokenId = (): string => `jti-${++n}-${Math.random().toString(36).slice(2)}`;

describe.skipIf(isSkip(target))('RedisTokenRevocationStore on a real Redis', () => {
  if (isSkip(target)) return;
  const redis = new FailOpenRedis(target.url, { commandTimeoutMs: 2_000 });
  const direct = new Redis(target.url);
  beforeAll(async () => {
    expect(await redis.ready()).toBe(true);
  });
  afterAll(async () => {
    await redis.close();
    direct.disconnect();
    await target.dispose();
  });

  it('remembers a revoked id until the token expires, with a matching TTL', async () => {
    const store = new RedisTokenRevocationStore(redis, { prefix: target.prefix });
    const [revoked, other] = [tokenId(), tokenId()];
    await store.revoke(revoked, inAnHour());
    expect(await store.isRevoked(revoked)).toBe(true);
    expect(await store.isRevoked(other)).toBe(false);
    const ttl = await direct.pttl(`${target.prefix}revoked:${revoked}`);
    expect(ttl).toBeGreaterThan(3_590_000);
    expect(ttl).toBeLessThanOrEqual(3_600_000);
  });

  it('forgets it once the token expires, and ignores tokens already expired', async () => {
    const store = new RedisTokenRevocationStore(redis, { prefix: target.prefix });
    const [soon, past] = [tokenId(), tokenId()];
    await store.revoke(soon, new Date(Date.now() + 300));
    await store.revoke(past, new Date(Date.now() - 1_000));
    expect(await store.isRevoked(soon)).toBe(true);
    expect(await store.isRevoked(past)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await store.isRevoked(soon)).toBe(false);
  });

  it('writes every revocation to the fallback too', async () => {
    const fallback = new InMemoryTokenRevocationStore(new ManualClock(new Date()));
    const store = new RedisTokenRevocationStore(redis, { prefix: target.prefix, fallback });
    const id = tokenId();
    await store.revoke(id, inAnHour());
    expect(await fallback.isRevoked(id)).toBe(true);
  });

  it('asks the fallback while Redis may have lost revocations (it started empty recently)', async () => {
    const fallback = new InMemoryTokenRevocationStore(new ManualClock(new Date()));
    const prefix = `${target.prefix}lost:`;
    const store = new RedisTokenRevocationStore(redis, {
      prefix,
      fallback,
      maxTokenLifetimeMs: 3_600_000,
    });
    const id = tokenId();
    await store.revoke(id, inAnHour());
    await direct.del(`${prefix}revoked:${id}`, `${prefix}revocations-since`); // Redis lost its data
    expect(await store.isRevoked(id)).toBe(true);
    // Once a whole token lifetime has passed since Redis started over, Redis alone answers.
    const later = new RedisTokenRevocationStore(redis, {
      prefix,
      fallback,
      now: () => Date.now() + 3_600_001,
    });
    expect(await later.isRevoked(tokenId())).toBe(false);
  });

  it('with a fallback, never accepts a revoked token while Redis is unreachable, and writes it once Redis is back', async () => {
    const upstream = new URL(target.url);
    const proxy = await FaultProxy.start(upstream.hostname, Number(upstream.port || 6379));
    const viaProxy = new FailOpenRedis(proxy.url, {
      commandTimeoutMs: 200,
      breaker: { failureThreshold: 1, coolDownMs: 50 },
    });
    try {
      expect(await viaProxy.ready()).toBe(true);
      const fallback = new InMemoryTokenRevocationStore(new ManualClock(new Date()));
      const prefix = `${target.prefix}hang:`;
      const store = new RedisTokenRevocationStore(viaProxy, {
        prefix,
        fallback,
        maxTokenLifetimeMs: 0,
      });
      const other = new RedisTokenRevocationStore(viaProxy, {
        prefix,
        fallback,
        maxTokenLifetimeMs: 0,
      });
      const [before, during] = [tokenId(), tokenId()];
      await store.revoke(before, inAnHour());
      proxy.cut();
      await store.revoke(during, inAnHour()); // Redis never sees it now
      expect(await other.isRevoked(before)).toBe(true); // answered by the fallback
      expect(await other.isRevoked(during)).toBe(true);
      expect(await other.isRevoked(tokenId())).toBe(false);
      expect(await direct.exists(`${prefix}revoked:${during}`)).toBe(0);
      proxy.restore();
      expect(await viaProxy.ready(3_000)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 100)); // the breaker's cool-down
      expect(await store.isRevoked(during)).toBe(true);
      expect(await direct.exists(`${prefix}revoked:${during}`)).toBe(1);
    } finally {
      await viaProxy.close();
      await proxy.close();
    }
  });
});

describe('RedisTokenRevocationStore without Redis', () => {
  it('asks the fallback when one is given, and fails open without one', async () => {
    const redis = new FailOpenRedis(`redis://127.0.0.1:${await unusedPort()}`);
    try {
      const fallback = new InMemoryTokenRevocationStore(new ManualClock(new Date()));
      const withFallback = new RedisTokenRevocationStore(redis, { fallback });
      await withFallback.revoke('a', inAnHour());
      expect(await new RedisTokenRevocationStore(redis, { fallback }).isRevoked('a')).toBe(true);
      expect(await new RedisTokenRevocationStore(redis).isRevoked('a')).toBe(false);
    } finally {
      await redis.close();
    }
  });
});
