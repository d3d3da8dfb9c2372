import { describe, expect, it } from 'vitest';
import { LocalTier } from './local-tier.js';

function enabled(maxBytes = 1_000, maxAgeMs = 60_000): LocalTier {
  const tier = new LocalTier(maxBytes, { maxAgeMs });
  tier.enable(0);
  return tier;
}

/** A read of `key` answered with `json` (TTL 10 s). */
function fill(tier: LocalTier, key: string, json: string, now = 0): void {
  const marker = tier.beginFetch(key);
  expect(marker).toBeDefined();
  tier.completeFetch(key, marker!, json, json.length, 10_000, now);
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
    tier.completeFetch('a', marker, '"old"', 5, 10_000, 0);
    expect(tier.lookup('a', 0)).toBeUndefined();
  });

  it('does not keep an answer of a read that a newer read of the key overtook, nor one begun before a clear', () => {
    const tier = enabled();
    const first = tier.beginFetch('a')!;
    const second = tier.beginFetch('a')!;
    tier.completeFetch('a', first, '"first"', 7, 10_000, 0);
    expect(tier.lookup('a', 0)).toBeUndefined();
    tier.completeFetch('a', second, '"second"', 8, 10_000, 0);
    expect(tier.lookup('a', 0)).toBe('"second"');

    const before = tier.beginFetch('b')!;
    tier.clear();
    tier.completeFetch('b', before, '"B"', 3, 10_000, 0);
    expect(tier.lookup('b', 0)).toBeUndefined();
  });

  it('keeps nothing while disabled: a read is not even begun', () => {
    expect(new LocalTier(1_000).beginFetch('a')).toBeUndefined();
  });

  it('forgets everything when disabled', () => {
    const tier = enabled();
    fill(tier, 'a', '"A"');
    tier.disable();
    tier.enable(0);
    expect(tier.lookup('a', 0)).toBeUndefined();
  });

  it('does not keep the answer of a read begun before it was disabled', () => {
    const tier = enabled();
    const inFlight = tier.beginFetch('b')!;
    tier.disable();
    tier.enable(0);
    tier.completeFetch('b', inFlight, '"B"', 3, 10_000, 0);
    expect(tier.lookup('b', 0)).toBeUndefined();
  });

  it('keeps misses out', () => {
    const tier = enabled();
    const miss = tier.beginFetch('c')!;
    tier.completeFetch('c', miss, undefined, 0, 10_000, 0);
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

  it('answers only within its lease of the last proof that messages arrive, and asks for a new one half-way', () => {
    const tier = new LocalTier(1_000, { leaseMs: 100 });
    let asked = 0;
    tier.keepAlive = () => {
      asked += 1;
      return Promise.resolve();
    };
    tier.enable(1_000);
    fill(tier, 'a', '"A"', 1_000);
    expect(tier.lookup('a', 1_049)).toBe('"A"');
    expect(asked).toBe(0);
    expect(tier.lookup('a', 1_050)).toBe('"A"');
    expect(asked).toBe(1);
    expect(tier.lookup('a', 1_100)).toBeUndefined();
    tier.confirm(1_080); // a PING sent at 1 080 was answered
    expect(tier.lookup('a', 1_179)).toBe('"A"');
    tier.confirm(1_000); // an older proof does not move the lease back
    expect(tier.lookup('a', 1_179)).toBe('"A"');
    tier.disable();
    tier.enable(2_000);
    tier.confirm(1_500); // a proof from before the tier was last enabled proves nothing now
    expect(tier.answers(2_099)).toBe(true);
    expect(tier.answers(2_100)).toBe(false);
  });

  it('ignores proofs while disabled', () => {
    const tier = new LocalTier(1_000, { leaseMs: 100 });
    tier.confirm(5_000);
    tier.enable(0);
    expect(tier.answers(100)).toBe(false);
  });

  it('abandoning a read that gave nothing leaves a newer read of the key alone', () => {
    const tier = enabled();
    const first = tier.beginFetch('a')!;
    const second = tier.beginFetch('a')!;
    tier.abandonFetch('a', first);
    tier.completeFetch('a', second, '"second"', 8, 10_000, 0);
    expect(tier.lookup('a', 0)).toBe('"second"');
    const third = tier.beginFetch('a')!;
    tier.abandonFetch('a', third);
    tier.completeFetch('a', third, '"late"', 6, 10_000, 0);
    expect(tier.lookup('a', 0)).toBe('"second"');
  });

  it('renews an expired lease by waiting for the proof it asks for, and says so when none comes', async () => {
    const tier = new LocalTier(1_000, { leaseMs: 100 });
    tier.enable(Date.now() - 1_000);
    fill(tier, 'a', '"A"', Date.now());
    tier.keepAlive = () => Promise.resolve(); // no answer in time: nothing proven
    expect(await tier.renew(Date.now())).toBe(false);
    expect(tier.lookup('a', Date.now())).toBeUndefined();
    tier.keepAlive = () => {
      tier.confirm(Date.now());
      return Promise.resolve();
    };
    expect(await tier.renew(Date.now())).toBe(true);
    expect(tier.lookup('a', Date.now())).toBe('"A"');
    tier.disable();
    expect(await tier.renew(Date.now())).toBe(false);
  });
});
