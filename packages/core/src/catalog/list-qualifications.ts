import { ReadThrough } from '../cache/read-through.js';
import { cacheKeys, cacheTags, cacheTtl } from '../cache/cache-keys.js';
import type { Cache } from '../cache/cache.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { toQualificationView, type QualificationView } from './catalog-view.js';

/** The catalog's qualifications (`GET /misc/qualifications`), read through the cache. @category Use cases */
export class ListQualifications {
  private readonly reads: ReadThrough;

  constructor(
    private readonly uow: UnitOfWork,
    cache: Cache,
  ) {
    this.reads = new ReadThrough(cache);
  }

  async execute(): Promise<QualificationView[]> {
    const options = { ttlSeconds: cacheTtl.catalog, tags: [cacheTags.catalog] };
    return await this.reads.get(cacheKeys.qualifications, options, async () =>
      (await this.uow.read.catalog.listQualifications()).map(toQualificationView),
    );
  }
}
