import {
  toDoctorView,
  type DoctorId,
  type DoctorSearchIndex,
  type UnitOfWork,
} from '@doctorly/core';

/** What {@link rebuildSearchIndex} did. @category Worker */
export interface RebuildResult {
  /** Documents written (every doctor). */
  readonly indexed: number;
  /** Documents removed because their doctor does not exist. */
  readonly removed: number;
}

/**
 * Rewrites the search document of every doctor from PostgreSQL (unlike reconciliation,
 * which writes only the missing and drifted ones), then removes documents of doctors that do
 * not exist. `onProgress(done, total)` follows it. For `doctorly reindex` and after bulk loads.
 * @category Worker
 */
export async function rebuildSearchIndex(
  uow: UnitOfWork,
  index: DoctorSearchIndex,
  now: Date,
  onProgress?: (done: number, total: number) => void,
  batchSize = 200,
): Promise<RebuildResult> {
  await index.prepare();
  const stale = new Set(await index.ids());
  const total = (await uow.read.doctors.list({ limit: 1, offset: 0 })).total;
  let indexed = 0;
  for (let afterId: DoctorId = 0; ;) {
    const ids = await uow.read.doctors.idsAfter(afterId, batchSize);
    const snapshots = await uow.read.doctors.snapshots(ids);
    // Writes of one batch in parallel: a remote index (Redis) is round-trip bound.
    await Promise.all(snapshots.map((snapshot) => index.upsert(toDoctorView(snapshot, now))));
    for (const id of ids) stale.delete(id);
    indexed += snapshots.length;
    onProgress?.(indexed, Math.max(total, indexed));
    const last = ids.at(-1);
    if (last === undefined || ids.length < batchSize) break;
    afterId = last;
  }
  for (const id of stale) await index.remove(id);
  return { indexed, removed: stale.size };
}
