import type { z } from 'zod';
import { ReadThrough } from '../cache/read-through.js';
import type { Cache } from '../cache/cache.js';
import type { Clock } from '../shared/clock.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { IdParam } from '../shared/common-schemas.js';
import type { DoctorView } from './doctor-view.js';
import { cachedDoctorView } from './profile-support.js';
import { parseInput } from '../shared/parse-input.js';

/** A doctor's public profile (`GET /doctors/get/{id}`), read through the cache. @category Use cases */
export class GetDoctor {
  private readonly reads: ReadThrough;

  constructor(
    private readonly uow: UnitOfWork,
    cache: Cache,
    private readonly clock: Clock,
  ) {
    this.reads = new ReadThrough(cache);
  }

  async execute(input: z.input<typeof IdParam>): Promise<DoctorView> {
    const { id } = parseInput(IdParam, input);
    return await cachedDoctorView(this.reads, this.uow.read, id, () => this.clock.now());
  }
}
