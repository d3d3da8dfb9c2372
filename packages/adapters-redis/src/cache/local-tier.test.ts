import { describe, expect, it } from 'vitest';
import { LocalTier } from './local-tier.js';

function enabled(maxBytes = 1_000, maxAgeMs = 60_000): LocalTier {
  const tier = new LocalTier(maxBytes, maxAgeMs);
  tier.enable();
  return tier;
}

/** A read of `key` answered with `json` (TTL 10 s). */
function fill(tier: LocalTier, key: string, json: string, now = 0): void {
  const marker = tier.beginFetch(key);
  expect(marker).toBeDefined();
  tier.completeFetch(key, marker!, json, 10_000, now);
}

describe('LocalTier', () => {
  it('keeps an answer from Redis until its TTL (capped by the maximum age)', () => {
    const tier = enabled(1_000, 5_000);
    fill(tier, 'a', '"A"', 1_000);
    expect(tier.lookup('a', 1_000)).toBe('"A"');
    expect(tier.lookup('a', 5_999)).toBe('"A"');
    expect(tier.lookup('a', 6_000)).toBeUndefined();
    fill(tier, 'b', '"B"', 0);
    expect(tier.lookup('b', 9_999)).toBeUndefined(); // 10 s TTL, 5 s cap
  });

  it('does not keep an answer whose key was invalidated while it was on its way', () => {
    const tier = enabled();
    const marker = tier.beginFetch('a')!;
    tier.invalidate(['a']);
    tier.completeFetch('a', marker, '"old"', 10_000, 0);
    expect(tier.lookup('a', 0)).toBeUndefined();
  });

  it('does not keep an answer of a read that a newer read of the key overtook, nor one begun before a clear', () => {
    const tier = enabled();
    const first = tier.beginFetch('a')!;
    const second = tier.beginFetch('a')!;
    tier.completeFetch('a', first, '"first"', 10_000, 0);
    expect(tier.lookup('a', 0)).toBeUndefined();
    tier.completeFetch('a', second, '"second"', 10_000, 0);
    expect(tier.lookup('a', 0)).toBe('"second"');

    const before = tier.beginFetch('b')!;
    tier.clear();
    tier.completeFetch('b', before, '"B"', 10_000, 0);
    expect(tier.lookup('b', 0)).toBeUndefined();
  });

  it('keeps nothing while disabled, forgets everything when disabled, and keeps misses out', () => {
    const tier = new LocalTier(1_000);
    expect(tier.beginFetch('a')).toBeUndefined();
    tier.enable();
    fill(tier, 'a', '"A"');
    const inFlight = tier.beginFetch('b')!;
    tier.disable();
    expect(tier.lookup('a', 0)).toBeUndefined();
    tier.enable();
    tier.completeFetch('b', inFlight, '"B"', 10_000, 0);
    expect(tier.lookup('a', 0)).toBeUndefined();
    expect(tier.lookup('b', 0)).toBeUndefined();
    const miss = tier.beginFetch('c')!;
    tier.completeFetch('c', miss, undefined, 10_000, 0);
    expect(tier.size).toBe(0);
  });

  it('holds at most maxBytes of JSON, dropping the oldest filled, and never an entry over an eighth of it', () => {
    const tier = enabled(80);
    const json = (c: string) => `"${c.repeat(8)}"`; // 10 characters
    for (const c of 'abcdefghi') fill(tier, c, json(c));
    expect(tier.size).toBe(8);
    expect(tier.heldBytes).toBe(80);
    expect(tier.lookup('a', 0)).toBeUndefined();
    expect(tier.lookup('i', 0)).toBe(json('i'));
    fill(tier, 'i', '"short"'); // replacing an entry counts its new size only
    expect(tier.heldBytes).toBe(77);
    fill(tier, 'big', `"${'x'.repeat(9)}"`); // 11 > 80 / 8
    expect(tier.lookup('big', 0)).toBeUndefined();
    tier.invalidate(['b', 'c']);
    expect(tier.heldBytes).toBe(57);
    tier.clear();
    expect(tier.heldBytes).toBe(0);
  });
});
