import { describe, expect, it } from 'vitest';
import {
  InMemoryCache,
  InMemoryUnitOfWork,
  ManualClock,
  RecordingOutboxPublisher,
} from '@doctorly/core/testing';
import { tagsForEvent } from '../cache/tags-for-event.js';
import { ListQualifications } from './list-qualifications.js';
import { ListSpecializations } from './list-specializations.js';
import { SeedCatalog } from './seed-catalog.js';

describe('SeedCatalog, ListSpecializations, ListQualifications', () => {
  it('seeds 36 specializations and 9 qualifications, idempotently', async () => {
    const uow = new InMemoryUnitOfWork();
    const seed = new SeedCatalog(uow, new RecordingOutboxPublisher(), new ManualClock());
    expect(await seed.execute()).toEqual({ specializations: 36, qualifications: 9 });
    expect(await seed.execute()).toEqual({ specializations: 36, qualifications: 9 });
    expect(uow.snapshot().specializations.size).toBe(36);
  });

  it('lists the catalog through the cache, refreshed when the catalog changes', async () => {
    const uow = new InMemoryUnitOfWork();
    const clock = new ManualClock();
    const cache = new InMemoryCache(clock);
    const publisher = new RecordingOutboxPublisher((events) =>
      cache.invalidateTags(events.flatMap(tagsForEvent)),
    );
    const listSpecializations = new ListSpecializations(uow, cache);
    const listQualifications = new ListQualifications(uow, cache);

    expect(await listSpecializations.execute()).toEqual([]);
    expect(await listQualifications.execute()).toEqual([]);
    await new SeedCatalog(uow, publisher, clock).execute();

    const specializations = await listSpecializations.execute();
    expect(specializations).toHaveLength(36);
    expect(specializations).toContainEqual({
      id: expect.any(Number) as unknown,
      name: 'allergist',
      image: null,
    });
    expect((await listQualifications.execute()).map((q) => q.name).sort()).toEqual([
      'bams',
      'bds',
      'bhms',
      'bums',
      'byns',
      'do',
      'frcps',
      'mbbs',
      'md',
    ]);
  });
});
