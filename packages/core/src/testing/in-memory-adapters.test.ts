import { describe, expect, it } from 'vitest';
import { upsertSeeder } from './doctor-fixtures.js';
import { InMemoryCache } from '../memory/in-memory-cache.js';
import { InMemoryDoctorSearchIndex } from '../memory/in-memory-doctor-search-index.js';
import { InMemoryUnitOfWork } from '../memory/in-memory-unit-of-work.js';
import { ManualClock } from '../memory/manual-clock.js';
import { RecordingOutboxPublisher } from '../memory/recording-outbox-publisher.js';

const user = (email: string) => ({
  name: 'U',
  email,
  passwordHash: 'h',
  role: 'user' as const,
  registeredAt: new Date(0),
  confirmed: false,
});

describe('InMemoryCache beyond the contract', () => {
  /** A cache bounded to two entries, `a` read after `b` was written, then `c` added. */
  async function pastItsBound(): Promise<InMemoryCache> {
    const cache = new InMemoryCache(new ManualClock(), 2);
    await cache.set('a', 1, { ttlSeconds: 60, tags: ['t'] });
    await cache.set('b', 2, { ttlSeconds: 60, tags: [] });
    await cache.get('a');
    await cache.set('c', 3, { ttlSeconds: 60, tags: ['t'] });
    return cache;
  }

  it('evicts the least recently used entry past its bound', async () => {
    const cache = await pastItsBound();
    expect([await cache.get('a'), await cache.get('b'), await cache.get('c')]).toEqual([
      1,
      undefined,
      3,
    ]);
  });

  it('holds no more entries than its bound', async () => {
    expect((await pastItsBound()).size).toBe(2);
  });

  it('frees the entries of an invalidated tag', async () => {
    const cache = await pastItsBound();
    await cache.invalidateTags(['t']);
    expect(cache.size).toBe(0);
  });

  it('stores nothing for a zero TTL', async () => {
    const cache = new InMemoryCache(new ManualClock());
    await cache.set('k', 1, { ttlSeconds: 0, tags: [] });
    expect(await cache.get('k')).toBeUndefined();
  });
});

describe('InMemoryUnitOfWork beyond the contract', () => {
  it("does not show a running transaction's writes through `read` until it commits", async () => {
    const uow = new InMemoryUnitOfWork();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const inside = new Promise<void>((resolve) => (written = resolve));
    const running = uow.transaction(async (r) => {
      await r.users.create(user('in-tx@example.test'));
      written();
      await gate;
    });
    await inside;
    expect(await uow.read.users.findByEmail('in-tx@example.test')).toBeUndefined();
    release();
    await running;
    expect(await uow.read.users.findByEmail('in-tx@example.test')).toBeDefined();
  });

  it('keeps working after a failed transaction', async () => {
    const uow = new InMemoryUnitOfWork();
    await expect(uow.transaction(() => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await uow.transaction((r) => r.users.create(user('after@example.test')));
    expect(uow.snapshot().users.size).toBe(1);
  });
});

describe('InMemoryDoctorSearchIndex beyond the contract', () => {
  async function namesFound(name: string): Promise<string[]> {
    const index = new InMemoryDoctorSearchIndex();
    await upsertSeeder(
      index,
      new Date('2026-01-05T00:00:00Z'),
    )([{ name: 'Ayesha Khan' }, { name: 'Ayesa Ali' }, { name: "Imran O'Neil-Baig" }]);
    const query = { name, sort: 'relevance', order: 'asc', limit: 10, offset: 0 } as const;
    return (await index.search(query)).items.map((d) => d.user.name);
  }

  it('ranks prefix matches before typo matches under relevance', async () => {
    expect(await namesFound('ayesa')).toEqual(['Ayesa Ali', 'Ayesha Khan']);
  });

  it('finds "oneil" in "O\'Neil-Baig" by one edit, punctuation read as a separator', async () => {
    expect(await namesFound('oneil')).toEqual(["Imran O'Neil-Baig"]);
  });
});

describe('RecordingOutboxPublisher', () => {
  it('records events in the order published', async () => {
    const publisher = new RecordingOutboxPublisher();
    await publisher.published([{ type: 'catalog.changed' }]);
    await publisher.published([{ type: 'user.changed', userId: 1 }]);
    expect(publisher.events).toEqual([
      { type: 'catalog.changed' },
      { type: 'user.changed', userId: 1 },
    ]);
  });

  it('records the events and resolves even when its callback throws', async () => {
    const publisher = new RecordingOutboxPublisher(() => {
      throw new Error('down');
    });
    await expect(publisher.published([{ type: 'catalog.changed' }])).resolves.toBeUndefined();
    expect(publisher.events).toEqual([{ type: 'catalog.changed' }]);
  });

  it('forgets what it recorded on clear()', async () => {
    const publisher = new RecordingOutboxPublisher();
    await publisher.published([{ type: 'catalog.changed' }]);
    publisher.clear();
    expect(publisher.events).toEqual([]);
  });
});

describe('ManualClock', () => {
  it('moves only when told: advance() by seconds, set() to an instant', () => {
    const clock = new ManualClock('2026-01-05T09:00:00Z');
    clock.advance(1.5);
    expect(clock.now().toISOString()).toBe('2026-01-05T09:00:01.500Z');
    clock.set('2030-01-01T00:00:00Z');
    expect(clock.now().toISOString()).toBe('2030-01-01T00:00:00.000Z');
  });

  it('hands out copies: changing one does not move the clock', () => {
    const clock = new ManualClock('2026-01-05T09:00:00Z');
    clock.now().setTime(0);
    expect(clock.now().toISOString()).toBe('2026-01-05T09:00:00.000Z');
  });
});
