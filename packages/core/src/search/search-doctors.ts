import type { z } from 'zod';
import { ReadThrough } from '../cache/read-through.js';
import { cacheKeys, cacheTags, cacheTtl } from '../cache/cache-keys.js';
import type { Page } from '../shared/primitives.js';
import type { Cache } from '../cache/cache.js';
import type { DoctorSearchIndex, DoctorSearchQuery } from './doctor-search-index.js';
import { SearchDoctorsInput } from './search-schemas.js';
import type { DoctorView } from '../doctors/doctor-view.js';
import { parseInput } from '../shared/parse-input.js';

/**
 * Finds doctors by name, specialization, qualification and weekday, sorted and paged
 * (`GET /misc/doctors/…` and the combined search). The search index answers; its answer is
 * cached briefly under the normalised query, so equal searches share one entry.
 * @category Use cases
 */
export class SearchDoctors {
  private readonly reads: ReadThrough;

  constructor(
    private readonly index: DoctorSearchIndex,
    cache: Cache,
  ) {
    this.reads = new ReadThrough(cache);
  }

  async execute(input: z.input<typeof SearchDoctorsInput> = {}): Promise<Page<DoctorView>> {
    const parsed = parseInput(SearchDoctorsInput, input);
    const query: DoctorSearchQuery = {
      ...(parsed.name === undefined
        ? {}
        : { name: parsed.name.toLowerCase().replace(/\s+/g, ' ') }),
      ...(parsed.specialization === undefined ? {} : { specialization: parsed.specialization }),
      ...(parsed.qualification === undefined ? {} : { qualification: parsed.qualification }),
      ...(parsed.day === undefined ? {} : { day: parsed.day }),
      sort: parsed.sort,
      order:
        parsed.order ?? (parsed.sort === 'rating' || parsed.sort === 'experience' ? 'desc' : 'asc'),
      limit: parsed.limit,
      offset: parsed.offset,
    };
    const options = { ttlSeconds: cacheTtl.search, tags: [cacheTags.doctors] };
    return await this.reads.get(cacheKeys.doctorSearch(normalizedKey(query)), options, () =>
      this.index.search(query),
    );
  }
}

/** The query with a fixed field order and absent filters spelled out, as a cache key part. */
function normalizedKey(query: DoctorSearchQuery): string {
  return JSON.stringify([
    query.name ?? null,
    query.specialization ?? null,
    query.qualification ?? null,
    query.day ?? null,
    query.sort,
    query.order,
    query.limit,
    query.offset,
  ]);
}
