import type { ServiceToken } from '../shared/service-token.js';
import type { DoctorId, Page, Weekday } from '../shared/primitives.js';
import type { DoctorView } from '../doctors/doctor-view.js';

/** Orders a search can return. `relevance` ranks name matches first, then by name. @category Ports */
export type DoctorSearchSort = 'relevance' | 'rating' | 'experience' | 'name';

/**
 * A doctor search: every given filter must hold (AND). `name` matches words of the doctor's
 * name by prefix and tolerates a typo ("ayesa" finds "Ayesha"); `specialization` and
 * `qualification` are exact catalog names; `day` a slot weekday. All of it is user input:
 * adapters treat it as data, never as query syntax.
 * @category Ports
 */
export interface DoctorSearchQuery {
  readonly name?: string;
  readonly specialization?: string;
  readonly qualification?: string;
  readonly day?: Weekday;
  readonly sort: DoctorSearchSort;
  readonly order: 'asc' | 'desc';
  readonly limit: number;
  readonly offset: number;
}

/**
 * The doctor search index: Redis Query Engine documents, or PostgreSQL itself (where
 * `upsert`/`remove` have nothing to do: see `keepsDocuments`). One contract suite checks
 * every adapter.
 * @category Ports
 */
export interface DoctorSearchIndex {
  /** Which engine answers, for logs and benchmarks. */
  readonly engine: 'postgres' | 'redis' | 'memory';
  /**
   * Whether the index holds its own copy of each doctor's document, kept current by
   * `upsert`/`remove`. False when it reads the source of truth itself (PostgreSQL): then
   * nothing needs re-reading a doctor to refresh it, and `upsert`/`remove` do nothing.
   */
  readonly keepsDocuments: boolean;
  /** Creates the index if missing (idempotent). */
  prepare(): Promise<void>;
  upsert(doctor: DoctorView): Promise<void>;
  remove(doctorId: DoctorId): Promise<void>;
  search(query: DoctorSearchQuery): Promise<Page<DoctorView>>;
  /** The indexed document of a doctor, for reconciliation; `undefined` when absent. */
  get(doctorId: DoctorId): Promise<DoctorView | undefined>;
  /** Every indexed doctor id, ascending, for reconciliation. */
  ids(): Promise<readonly DoctorId[]>;
}
/** Injection token of {@link DoctorSearchIndex}. @category Ports */
export const DoctorSearchIndex: ServiceToken<DoctorSearchIndex> = Symbol.for(
  'doctorly.DoctorSearchIndex',
);
