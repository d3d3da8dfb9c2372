import type { DomainEvent } from '../shared/domain-event.js';
import type { Appointment, AppointmentHistoryEntry } from '../booking/appointment.js';
import type { Qualification, Specialization } from '../catalog/catalog.js';
import type { Doctor, DoctorQualification } from '../doctors/doctor.js';
import type { User } from '../identity/user.js';
import type { Patient } from '../patients/patient.js';
import type { Rating } from '../ratings/rating.js';
import type { Sitting } from '../scheduling/sitting.js';
import type { Slot } from '../scheduling/slot.js';
import type { DoctorId, SpecializationId } from '../shared/primitives.js';
import type { WaitlistEntry } from '../waitlist/waitlist-entry.js';

/** An outbox row with the relay's bookkeeping. @category Testing */
export interface InMemoryOutboxRow {
  readonly id: number;
  readonly event: DomainEvent;
  readonly createdAt: Date;
  attempts: number;
  lastError: string | null;
  completedAt: Date | null;
  parked: boolean;
  /** Claimed until then; `null` when not claimed. */
  leaseUntil: Date | null;
  /** Not claimable before then (a retry's backoff); `null` when due at once. */
  retryAt: Date | null;
}

/**
 * Everything the in-memory unit of work stores: plain maps of plain records, cloned as a
 * whole for each transaction (copy-on-write), which is what makes rollback trivially right.
 * @category Testing
 */
export interface InMemoryState {
  lastIds: Record<
    | 'user'
    | 'doctor'
    | 'specialization'
    | 'qualification'
    | 'patient'
    | 'slot'
    | 'sitting'
    | 'appointment'
    | 'rating'
    | 'outbox'
    | 'waitlist',
    number
  >;
  users: Map<number, User>;
  doctors: Map<number, Doctor>;
  doctorSpecializations: Map<DoctorId, SpecializationId[]>;
  doctorQualifications: Map<DoctorId, DoctorQualification[]>;
  specializations: Map<number, Specialization>;
  qualifications: Map<number, Qualification>;
  patients: Map<number, Patient>;
  slots: Map<number, Slot>;
  sittings: Map<number, Sitting>;
  appointments: Map<number, Appointment>;
  history: AppointmentHistoryEntry[];
  ratings: Map<number, Rating>;
  outbox: Map<number, InMemoryOutboxRow>;
  waitlist: Map<number, WaitlistEntry>;
}

/** An empty store. @category Testing */
export function emptyInMemoryState(): InMemoryState {
  return {
    lastIds: {
      user: 0,
      doctor: 0,
      specialization: 0,
      qualification: 0,
      patient: 0,
      slot: 0,
      sitting: 0,
      appointment: 0,
      rating: 0,
      outbox: 0,
      waitlist: 0,
    },
    users: new Map(),
    doctors: new Map(),
    doctorSpecializations: new Map(),
    doctorQualifications: new Map(),
    specializations: new Map(),
    qualifications: new Map(),
    patients: new Map(),
    slots: new Map(),
    sittings: new Map(),
    appointments: new Map(),
    history: [],
    ratings: new Map(),
    outbox: new Map(),
    waitlist: new Map(),
  };
}

/** The next id of a table (like a sequence). */
export function nextId(state: InMemoryState, table: keyof InMemoryState['lastIds']): number {
  state.lastIds[table] += 1;
  return state.lastIds[table];
}

/** A deep copy, so callers never share (mutable) `Date`s or arrays with the store. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

/** One page of an already ordered list. */
export function pageOf<T>(
  items: readonly T[],
  page: { limit: number; offset: number },
): { items: T[]; total: number } {
  return {
    items: items.slice(page.offset, page.offset + page.limit).map(copy),
    total: items.length,
  };
}

/** The state a repository works on: the committed one, or a transaction's draft. */
export type StateAccess = () => InMemoryState;
