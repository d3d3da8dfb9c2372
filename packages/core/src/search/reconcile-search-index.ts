import type { DoctorId } from '../shared/primitives.js';
import type { DoctorSearchIndex } from './doctor-search-index.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { toDoctorView } from '../doctors/to-doctor-view.js';

/** Tuning of {@link ReconcileSearchIndex}. @category Use cases */
export interface ReconcileSearchIndexOptions {
  /** Doctors read per batch (default 100). */
  readonly batchSize?: number;
}

/** What one pass did. @category Use cases */
export interface ReconcileSearchIndexResult {
  /** Doctors that had no document. */
  readonly added: number;
  /** Documents of doctors that do not exist. */
  readonly removed: number;
  /** Documents that differed from the doctor (drifted) and were rewritten. */
  readonly fixed: number;
  /** Doctors compared. */
  readonly checked: number;
}

/**
 * Worker step: makes the search index agree with PostgreSQL, the source of truth, whatever
 * events were lost or misapplied: adds missing documents, removes stale ones, rewrites
 * drifted ones. Idempotent; a second pass finds nothing to do.
 * @category Use cases
 */
export class ReconcileSearchIndex {
  private readonly batchSize: number;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly index: DoctorSearchIndex,
    options: ReconcileSearchIndexOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 100;
  }

  async execute(now: Date): Promise<ReconcileSearchIndexResult> {
    const indexed = new Set(await this.index.ids());
    let added = 0;
    let fixed = 0;
    let checked = 0;
    for (let afterId: DoctorId = 0; ;) {
      const ids = await this.uow.read.doctors.idsAfter(afterId, this.batchSize);
      for (const snapshot of await this.uow.read.doctors.snapshots(ids)) {
        const view = toDoctorView(snapshot, now);
        indexed.delete(view.id);
        checked += 1;
        const document = await this.index.get(view.id);
        if (document && canonical(document) === canonical(view)) continue;
        await this.index.upsert(view);
        if (document) fixed += 1;
        else added += 1;
      }
      const last = ids.at(-1);
      if (last === undefined || ids.length < this.batchSize) break;
      afterId = last;
    }
    // Whatever is left was indexed but names no doctor.
    for (const id of indexed) await this.index.remove(id);
    return { added, removed: indexed.size, fixed, checked };
  }
}

/** JSON with object keys sorted, so key order does not count as drift. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
