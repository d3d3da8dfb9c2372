import type { z } from 'zod';
import { ReadThrough } from '../cache/read-through.js';
import { cacheKeys, cacheTags, cacheTtl } from '../cache/cache-keys.js';
import type { Page } from '../shared/primitives.js';
import type { Cache } from '../cache/cache.js';
import type { Clock } from '../shared/clock.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { PageInput } from '../shared/common-schemas.js';
import type { DoctorView } from '../doctors/doctor-view.js';
import { toDoctorView } from '../doctors/to-doctor-view.js';
import { parseInput } from '../shared/parse-input.js';

/** Configuration of {@link PopularDoctors}. @category Use cases */
export interface PopularDoctorsOptions {
  /** How many ratings' worth of the global mean every doctor starts with (default 5). */
  readonly priorWeight: number;
}

/**
 * Doctors ranked by a Bayesian average of their ratings (`GET /doctors/popular/doctors`):
 * the prior is the global mean rating, weighted `priorWeight`, so a doctor with one 5-star
 * review does not outrank one with hundreds of 4.8s; ties go to patients served. Cached.
 * @category Use cases
 */
export class PopularDoctors {
  private readonly reads: ReadThrough;

  constructor(
    private readonly uow: UnitOfWork,
    cache: Cache,
    private readonly clock: Clock,
    private readonly options: PopularDoctorsOptions = { priorWeight: 5 },
  ) {
    this.reads = new ReadThrough(cache);
  }

  async execute(input: z.input<typeof PageInput> = {}): Promise<Page<DoctorView>> {
    const page = parseInput(PageInput, input);
    const options = { ttlSeconds: cacheTtl.lists, tags: [cacheTags.doctors] };
    return await this.reads.get(cacheKeys.popularDoctors(page), options, async () => {
      const totals = await this.uow.read.doctors.ratingTotals();
      // With no ratings anywhere every doctor scores the same prior: patients served decide.
      const priorMean = totals.count === 0 ? 0 : totals.sum / totals.count;
      const found = await this.uow.read.doctors.popular(priorMean, this.options.priorWeight, page);
      const now = this.clock.now();
      return {
        items: found.items.map((snapshot) => toDoctorView(snapshot, now)),
        total: found.total,
      };
    });
  }
}
