import { describe, expect, it, vi } from 'vitest';
import type { DomainEvent } from '../shared/domain-event.js';
import { InMemoryCache } from '../memory/in-memory-cache.js';
import { InMemoryLiveChannel } from '../memory/in-memory-live-channel.js';
import { InMemoryDoctorSearchIndex } from '../memory/in-memory-doctor-search-index.js';
import type { DoctorId } from '../shared/primitives.js';
import type { DoctorSearchIndex } from '../search/doctor-search-index.js';
import type { DoctorView } from '../doctors/doctor-view.js';
import { toDoctorView } from '../doctors/to-doctor-view.js';
import { BookingWorld } from '../booking/booking-fixture.js';
import { RelayOutbox } from './relay-outbox.js';

/** A search index that fails for one doctor: a poison entry. */
class IndexFailingFor extends InMemoryDoctorSearchIndex {
  upserts = 0;
  constructor(private readonly poisoned: number) {
    super();
  }
  override upsert(doctor: DoctorView): Promise<void> {
    if (doctor.id === this.poisoned)
      return Promise.reject(new Error(`index refused doctor ${doctor.id}`));
    this.upserts += 1;
    return super.upsert(doctor);
  }
}

/** A spy index that records what it is asked to write, holding documents or not as told. */
class RecordingIndex implements DoctorSearchIndex {
  readonly engine = 'memory';
  readonly writes: string[] = [];
  constructor(readonly keepsDocuments: boolean) {}
  prepare(): Promise<void> {
    return Promise.resolve();
  }
  upsert(doctor: DoctorView): Promise<void> {
    this.writes.push(`upsert ${doctor.id}`);
    return Promise.resolve();
  }
  remove(doctorId: DoctorId): Promise<void> {
    this.writes.push(`remove ${doctorId}`);
    return Promise.resolve();
  }
  search(): ReturnType<DoctorSearchIndex['search']> {
    return Promise.resolve({ items: [], total: 0 });
  }
  get(): Promise<DoctorView | undefined> {
    return Promise.resolve(undefined);
  }
  ids(): Promise<readonly DoctorId[]> {
    return Promise.resolve([]);
  }
}

async function append(w: BookingWorld, events: DomainEvent[]): Promise<void> {
  await w.uow.transaction((r) => r.outbox.append(events, w.clock.now()));
}

describe('RelayOutbox', () => {
  it('upserts each named doctor once per batch, invalidates the tags and completes the entries', async () => {
    const w = new BookingWorld();
    const index = new IndexFailingFor(0);
    const dr = await w.doctor('Dr A');
    const slot = await w.slot(dr.doctor.id);
    const alice = await w.user('alice');
    await w
      .useCases()
      .book.execute(alice, { patient_id: (await w.patient(alice)).id, slot_id: slot.id });
    await append(w, [
      { type: 'doctor.changed', doctorId: dr.doctor.id },
      { type: 'catalog.changed' },
    ]);
    await w.cache.set('k1', 1, { ttlSeconds: 60, tags: [`doctor:${dr.doctor.id}`] });
    await w.cache.set('k2', 2, { ttlSeconds: 60, tags: [`user:${alice.userId}`] });
    await w.cache.set('k3', 3, { ttlSeconds: 60, tags: ['unrelated'] });

    const relay = new RelayOutbox(w.outbox, w.uow, w.cache, index, new InMemoryLiveChannel());
    expect(await relay.execute(100, 30, w.clock.now())).toEqual({
      claimed: 4,
      applied: 4,
      failed: 0,
      parked: 0,
    });
    expect(index.upserts).toBe(1);
    const snapshot = await w.uow.read.doctors.snapshot(dr.doctor.id);
    expect(await index.get(dr.doctor.id)).toEqual(toDoctorView(snapshot!, w.clock.now()));
    expect([await w.cache.get('k1'), await w.cache.get('k2'), await w.cache.get('k3')]).toEqual([
      undefined,
      undefined,
      3,
    ]);
    expect(await w.outbox.pending(10)).toEqual([]);
    expect(await relay.execute(100, 30, w.clock.now())).toEqual({
      claimed: 0,
      applied: 0,
      failed: 0,
      parked: 0,
    });
  });

  it.each([
    { keepsDocuments: true, reads: 2, writes: ['upsert 1', 'remove 99'] },
    { keepsDocuments: false, reads: 0, writes: [] },
  ])(
    're-reads doctors only for an index that keeps documents ($keepsDocuments)',
    async ({ keepsDocuments, reads, writes }) => {
      const w = new BookingWorld();
      const dr = await w.doctor('Dr A');
      expect(dr.doctor.id).toBe(1);
      const index = new RecordingIndex(keepsDocuments);
      await append(w, [
        { type: 'doctor.changed', doctorId: dr.doctor.id },
        { type: 'user.changed', userId: dr.actor.userId },
        { type: 'doctor.changed', doctorId: 99 },
      ]);
      await w.cache.set('k1', 1, { ttlSeconds: 60, tags: [`doctor:${dr.doctor.id}`] });
      // A spy on the real repository: it still answers.
      const snapshots = vi.spyOn(w.uow.read.doctors, 'snapshot');

      const relay = new RelayOutbox(w.outbox, w.uow, w.cache, index, new InMemoryLiveChannel());
      expect(await relay.execute(10, 30, w.clock.now())).toEqual({
        claimed: 3,
        applied: 3,
        failed: 0,
        parked: 0,
      });
      expect(snapshots).toHaveBeenCalledTimes(reads);
      expect(index.writes).toEqual(writes);
      // Either way the cache forgets the doctor and the entries are done.
      expect(await w.cache.get('k1')).toBeUndefined();
      expect(await w.outbox.pending(10)).toEqual([]);
    },
  );

  it("removes the document of a doctor that no longer exists, and follows a doctor's user change", async () => {
    const w = new BookingWorld();
    const dr = await w.doctor('Dr A');
    await w.index.upsert({
      ...toDoctorView((await w.uow.read.doctors.snapshot(dr.doctor.id))!, w.clock.now()),
      id: 99,
    });
    await append(w, [
      { type: 'doctor.changed', doctorId: 99 },
      { type: 'user.changed', userId: dr.actor.userId },
    ]);
    const result = await new RelayOutbox(
      w.outbox,
      w.uow,
      w.cache,
      w.index,
      new InMemoryLiveChannel(),
    ).execute(10, 30, w.clock.now());
    expect(result.applied).toBe(2);
    expect(await w.index.ids()).toEqual([dr.doctor.id]);
  });

  it('retries a poison entry with backoff without blocking the others, then parks it', async () => {
    const w = new BookingWorld();
    const good = await w.doctor('Dr Good');
    const bad = await w.doctor('Dr Bad');
    const index = new IndexFailingFor(bad.doctor.id);
    await append(w, [
      { type: 'doctor.changed', doctorId: good.doctor.id },
      { type: 'doctor.changed', doctorId: bad.doctor.id },
      { type: 'catalog.changed' },
    ]);
    const relay = new RelayOutbox(w.outbox, w.uow, w.cache, index, new InMemoryLiveChannel(), {
      maxAttempts: 3,
    });

    expect(await relay.execute(10, 30, w.clock.now())).toEqual({
      claimed: 3,
      applied: 2,
      failed: 1,
      parked: 0,
    });
    expect(await index.get(good.doctor.id)).toBeDefined();
    const [pending] = await w.outbox.pending(10);
    expect(pending).toMatchObject({
      attempts: 1,
      lastError: `index refused doctor ${bad.doctor.id}`,
    });

    // Not due before its backoff (2 s after the first failure, then 4 s).
    w.clock.advance(1);
    expect((await relay.execute(10, 30, w.clock.now())).claimed).toBe(0);
    w.clock.advance(1);
    expect(await relay.execute(10, 30, w.clock.now())).toEqual({
      claimed: 1,
      applied: 0,
      failed: 1,
      parked: 0,
    });
    w.clock.advance(3);
    expect((await relay.execute(10, 30, w.clock.now())).claimed).toBe(0);
    w.clock.advance(1);
    expect(await relay.execute(10, 30, w.clock.now())).toEqual({
      claimed: 1,
      applied: 0,
      failed: 0,
      parked: 1,
    });

    expect(await w.outbox.pending(10)).toEqual([]);
    expect((await w.outbox.parked(10)).map((e) => [e.event, e.attempts])).toEqual([
      [{ type: 'doctor.changed', doctorId: bad.doctor.id }, 3],
    ]);
    w.clock.advance(3600);
    expect((await relay.execute(10, 30, w.clock.now())).claimed).toBe(0);
  });

  it('caps the backoff', async () => {
    const w = new BookingWorld();
    const bad = await w.doctor('Dr Bad');
    const index = new IndexFailingFor(bad.doctor.id);
    await append(w, [{ type: 'doctor.changed', doctorId: bad.doctor.id }]);
    const relay = new RelayOutbox(w.outbox, w.uow, w.cache, index, new InMemoryLiveChannel(), {
      maxAttempts: 20,
      maxBackoffSeconds: 5,
    });
    for (let attempt = 1; attempt <= 6; attempt++) {
      expect((await relay.execute(10, 30, w.clock.now())).failed).toBe(1);
      w.clock.advance(Math.min(2 ** attempt, 5));
    }
  });

  it('isolates a corrupt event and an entry whose cache invalidation throws', async () => {
    const w = new BookingWorld();
    const dr = await w.doctor('Dr A');
    /** A cache that breaks its never-throw promise for one tag. */
    class BrokenCache extends InMemoryCache {
      override invalidateTags(tags: readonly string[]): Promise<void> {
        return tags.includes('catalog')
          ? Promise.reject(new Error('cache down'))
          : super.invalidateTags(tags);
      }
    }
    await append(w, [
      { type: 'bogus' } as unknown as DomainEvent,
      { type: 'catalog.changed' },
      { type: 'doctor.changed', doctorId: dr.doctor.id },
    ]);
    const relay = new RelayOutbox(
      w.outbox,
      w.uow,
      new BrokenCache(w.clock),
      w.index,
      new InMemoryLiveChannel(),
      {
        maxAttempts: 1,
      },
    );
    expect(await relay.execute(10, 30, w.clock.now())).toEqual({
      claimed: 3,
      applied: 1,
      failed: 0,
      parked: 2,
    });
    expect((await w.outbox.parked(10)).map((e) => [e.event.type, e.lastError])).toEqual([
      ['bogus', expect.any(String)],
      ['catalog.changed', 'cache down'],
    ]);
    expect(await w.index.ids()).toEqual([dr.doctor.id]);
  });
});
