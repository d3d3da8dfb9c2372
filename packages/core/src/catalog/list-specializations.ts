import { ReadThrough } from '../cache/read-through.js';
import { cacheKeys, cacheTags, cacheTtl } from '../cache/cache-keys.js';
import type { Cache } from '../cache/cache.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { toSpecializationView, type SpecializationView } from './catalog-view.js';

/** The catalog's specializations (`GET /misc/specializations`), read through the cache. @category Use cases */
export class ListSpecializations {
  private readonly reads: ReadThrough;

  constructor(
    private readonly uow: UnitOfWork,
    cache: Cache,
  ) {
    this.reads = new ReadThrough(cache);
  }

  async execute(): Promise<SpecializationView[]> {
    const options = { ttlSeconds: cacheTtl.catalog, tags: [cacheTags.catalog] };
    return await this.reads.get(cacheKeys.specializations, options, async () =>
      (await this.uow.read.catalog.listSpecializations()).map(toSpecializationView),
    );
  }
}
