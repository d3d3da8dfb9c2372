import type { z } from 'zod';
import { ReadThrough } from '../cache/read-through.js';
import { cacheKeys, cacheTags, cacheTtl } from '../cache/cache-keys.js';
import { DomainError } from '../shared/domain-error.js';
import type { Cache } from '../cache/cache.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { IdParam } from '../shared/common-schemas.js';
import type { SlotView } from '../doctors/doctor-view.js';
import { toSlotView } from '../doctors/to-doctor-view.js';
import { parseInput } from '../shared/parse-input.js';

/** A doctor's weekly slots (`GET /doctors/slot/{id}`), read through the cache. @category Use cases */
export class ListDoctorSlots {
  private readonly reads: ReadThrough;

  constructor(
    private readonly uow: UnitOfWork,
    cache: Cache,
  ) {
    this.reads = new ReadThrough(cache);
  }

  async execute(input: z.input<typeof IdParam>): Promise<SlotView[]> {
    const { id } = parseInput(IdParam, input);
    const options = { ttlSeconds: cacheTtl.doctor, tags: [cacheTags.doctor(id)] };
    return await this.reads.get(cacheKeys.doctorSlots(id), options, async () => {
      if (!(await this.uow.read.doctors.findById(id))) {
        throw new DomainError('DOCTOR_NOT_FOUND', `There is no doctor ${id}.`);
      }
      return (await this.uow.read.slots.listByDoctor(id)).map(toSlotView);
    });
  }
}
