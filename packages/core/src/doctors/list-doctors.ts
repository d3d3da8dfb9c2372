import type { z } from 'zod';
import { ReadThrough } from '../cache/read-through.js';
import { cacheKeys, cacheTags, cacheTtl } from '../cache/cache-keys.js';
import type { Page } from '../shared/primitives.js';
import type { Cache } from '../cache/cache.js';
import type { Clock } from '../shared/clock.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { PageInput } from '../shared/common-schemas.js';
import type { DoctorView } from './doctor-view.js';
import { toDoctorView } from './to-doctor-view.js';
import { parseInput } from '../shared/parse-input.js';

/** All doctors by id, a page at a time (`GET /doctors/all`), read through the cache. @category Use cases */
export class ListDoctors {
  private readonly reads: ReadThrough;

  constructor(
    private readonly uow: UnitOfWork,
    cache: Cache,
    private readonly clock: Clock,
  ) {
    this.reads = new ReadThrough(cache);
  }

  async execute(input: z.input<typeof PageInput> = {}): Promise<Page<DoctorView>> {
    const page = parseInput(PageInput, input);
    const options = { ttlSeconds: cacheTtl.lists, tags: [cacheTags.doctors] };
    return await this.reads.get(cacheKeys.doctorList(page), options, async () => {
      const found = await this.uow.read.doctors.list(page);
      const now = this.clock.now();
      return {
        items: found.items.map((snapshot) => toDoctorView(snapshot, now)),
        total: found.total,
      };
    });
  }
}
