import { DomainError } from '../shared/domain-error.js';
import type { DoctorId } from '../shared/primitives.js';
import type { ReadRepositories } from '../shared/unit-of-work.js';
import type { ReadThrough } from '../cache/read-through.js';
import { cacheKeys, cacheTags, cacheTtl } from '../cache/cache-keys.js';
import type { DoctorView } from './doctor-view.js';
import { toDoctorView } from './to-doctor-view.js';

/** The current view of a doctor from the store; `DOCTOR_NOT_FOUND` when there is none. @category Use cases */
export async function loadDoctorView(
  repositories: ReadRepositories,
  id: DoctorId,
  now: Date,
): Promise<DoctorView> {
  const snapshot = await repositories.doctors.snapshot(id);
  if (!snapshot) throw new DomainError('DOCTOR_NOT_FOUND', `There is no doctor ${id}.`);
  return toDoctorView(snapshot, now);
}

/** The public view of a doctor, read through the cache (tag `doctor:{id}`). @category Use cases */
export function cachedDoctorView(
  reads: ReadThrough,
  repositories: ReadRepositories,
  id: DoctorId,
  now: () => Date,
): Promise<DoctorView> {
  return reads.get(
    cacheKeys.doctor(id),
    { ttlSeconds: cacheTtl.doctor, tags: [cacheTags.doctor(id)] },
    () => loadDoctorView(repositories, id, now()),
  );
}
