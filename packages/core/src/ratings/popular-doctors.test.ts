import { describe, expect, it } from 'vitest';
import {
  InMemoryCache,
  InMemoryUnitOfWork,
  InsecureTestPasswordHasher,
  ManualClock,
  RecordingOutboxPublisher,
} from '@doctorly/core/testing';
import type { Rating } from './rating.js';
import { RegisterDoctor } from '../doctors/register-doctor.js';
import { PopularDoctors } from './popular-doctors.js';

async function setup() {
  const uow = new InMemoryUnitOfWork();
  const clock = new ManualClock();
  const registerDoctor = new RegisterDoctor(
    uow,
    new RecordingOutboxPublisher(),
    clock,
    new InsecureTestPasswordHasher(),
  );
  const ids: Record<string, number> = {};
  for (const name of ['one-review', 'many-good', 'many-bad', 'unrated']) {
    ids[name] = (
      await registerDoctor.execute({ name, email: `${name}@example.com`, password: 'password1' })
    ).id;
  }
  let appointmentId = 0;
  const rate = (doctor: string, stars: Rating['stars'][]) =>
    uow.transaction(async (r) => {
      for (const s of stars) {
        appointmentId += 1;
        await r.ratings.create({
          doctorId: ids[doctor]!,
          patientId: 1,
          appointmentId,
          stars: s,
          review: '',
          ratedBy: 1,
          createdAt: clock.now(),
        });
      }
    });
  await rate('one-review', [5]);
  await rate('many-good', [5, 5, 5, 5, 5, 5, 5, 5, 5, 4]);
  await rate('many-bad', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  return { uow, clock, ids };
}

describe('PopularDoctors', () => {
  it('ranks by the Bayesian average: many good ratings beat one perfect one', async () => {
    const { uow, clock, ids } = await setup();
    const popular = new PopularDoctors(uow, new InMemoryCache(clock), clock);
    const page = await popular.execute();
    // Global mean 64/21 ≈ 3.05 weighted 5: many-good 4.28, one-review 3.37, unrated 3.05, many-bad 1.68.
    expect(page.items.map((d) => d.id)).toEqual([
      ids['many-good'],
      ids['one-review'],
      ids.unrated,
      ids['many-bad'],
    ]);
    expect(page.total).toBe(4);
    expect(page.items[1]).toMatchObject({ rating: 5, rating_count: 1 });
  });

  it('with no prior weight it is the plain mean', async () => {
    const { uow, clock, ids } = await setup();
    const popular = new PopularDoctors(uow, new InMemoryCache(clock), clock, { priorWeight: 0 });
    expect((await popular.execute({ limit: 2 })).items.map((d) => d.id)).toEqual([
      ids['one-review'],
      ids['many-good'],
    ]);
  });

  it('pages, and refuses a bad page', async () => {
    const { uow, clock } = await setup();
    const popular = new PopularDoctors(uow, new InMemoryCache(clock), clock);
    expect((await popular.execute({ limit: '1', offset: '3' })).items).toHaveLength(1);
    await expect(popular.execute({ offset: -1 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
