import type { DomainEvent } from '@doctorly/core';
import { InMemoryCache, ManualClock } from '@doctorly/core/testing';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { HostOutboxPublisher } from './host-outbox-publisher.js';

const logger = pino({ level: 'silent' });
const doctorChanged: DomainEvent = { type: 'doctor.changed', doctorId: 7 };

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('HostOutboxPublisher', () => {
  it('invalidates the tags of the events before returning', async () => {
    const cache = new InMemoryCache(new ManualClock(new Date('2026-01-01T00:00:00Z')));
    await cache.set('doctor-view', { id: 7 }, { ttlSeconds: 60, tags: ['doctor:7'] });
    await cache.set('list', [1], { ttlSeconds: 60, tags: ['doctors'] });
    await cache.set('other', 1, { ttlSeconds: 60, tags: ['doctor:8'] });
    const publisher = new HostOutboxPublisher(cache, () => Promise.resolve(), logger);
    await publisher.published([doctorChanged]);
    expect(await cache.get('doctor-view')).toBeUndefined();
    expect(await cache.get('list')).toBeUndefined();
    expect(await cache.get('other')).toBe(1);
    await publisher.close();
  });

  it('relays once for a burst of commits, in the background', async () => {
    const cache = new InMemoryCache(new ManualClock(new Date()));
    let runs = 0;
    const publisher = new HostOutboxPublisher(
      cache,
      () => Promise.resolve(void (runs += 1)),
      logger,
      { debounceMs: 20 },
    );
    await Promise.all([
      publisher.published([doctorChanged]),
      publisher.published([doctorChanged]),
      publisher.published([]),
    ]);
    expect(runs).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(runs).toBe(1);
    await publisher.close();
  });

  it('relays again after a run when a commit arrived during it', async () => {
    const cache = new InMemoryCache(new ManualClock(new Date()));
    const gate = deferred();
    let runs = 0;
    const publisher = new HostOutboxPublisher(
      cache,
      async () => {
        runs += 1;
        if (runs === 1) await gate.promise;
      },
      logger,
      { debounceMs: 1 },
    );
    await publisher.published([doctorChanged]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runs).toBe(1);
    await publisher.published([doctorChanged]);
    await publisher.published([doctorChanged]);
    gate.resolve();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(runs).toBe(2);
    await publisher.close();
  });

  it('never throws when the cache or the relay fails', async () => {
    const failing = {
      get: () => Promise.reject(new Error('down')),
      set: () => Promise.reject(new Error('down')),
      delete: () => Promise.reject(new Error('down')),
      invalidateTags: () => Promise.reject(new Error('down')),
    };
    let runs = 0;
    const publisher = new HostOutboxPublisher(
      failing,
      () => {
        runs += 1;
        return Promise.reject(new Error('relay down'));
      },
      logger,
      { debounceMs: 1 },
    );
    await expect(publisher.published([doctorChanged])).resolves.toBeUndefined();
    await expect(publisher.flush()).resolves.toBeUndefined();
    expect(runs).toBeGreaterThanOrEqual(1);
    await publisher.close();
  });

  it('schedules nothing after close', async () => {
    const cache = new InMemoryCache(new ManualClock(new Date()));
    let runs = 0;
    const publisher = new HostOutboxPublisher(
      cache,
      () => Promise.resolve(void (runs += 1)),
      logger,
      { debounceMs: 1 },
    );
    await publisher.close();
    await publisher.published([doctorChanged]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runs).toBe(0);
  });
});
