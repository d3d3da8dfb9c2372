import type { z } from 'zod';
import { ReadThrough } from '../cache/read-through.js';
import { cacheKeys, cacheTags, cacheTtl } from '../cache/cache-keys.js';
import type { Actor } from '../identity/user.js';
import type { Page } from '../shared/primitives.js';
import type { Cache } from '../cache/cache.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { PageInput } from '../shared/common-schemas.js';
import { toPatientView, type PatientView } from './patient-view.js';
import { parseInput } from '../shared/parse-input.js';
import { authorize } from '../access/authorize.js';

/** The calling user's own patients (`GET /patient/all`), cached under the user's id. @category Use cases */
export class ListPatients {
  private readonly reads: ReadThrough;

  constructor(
    private readonly uow: UnitOfWork,
    cache: Cache,
  ) {
    this.reads = new ReadThrough(cache);
  }

  async execute(actor: Actor, input: z.input<typeof PageInput> = {}): Promise<Page<PatientView>> {
    const page = parseInput(PageInput, input);
    authorize(actor, 'patient.listOwn');
    const options = { ttlSeconds: cacheTtl.lists, tags: [cacheTags.user(actor.userId)] };
    return await this.reads.get(cacheKeys.userPatients(actor.userId, page), options, async () => {
      const found = await this.uow.read.patients.listByOwner(actor.userId, page);
      return { items: found.items.map(toPatientView), total: found.total };
    });
  }
}
