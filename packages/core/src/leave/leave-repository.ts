import type { NewSitting, Sitting } from '../scheduling/sitting.js';
import type { DoctorId, LocalDate, Page, PageRequest, SittingId } from '../shared/primitives.js';
import type { Leave, LeaveId, NewLeave } from './leave.js';

/** What {@link LeaveRepository.cancelSittings} did. @category Ports */
export interface HeldSittings {
  /** Recorded cancelled: they were not stored (nobody booked them, nobody waits for them). */
  readonly created: readonly Sitting[];
  /** Stored `scheduled` ones it cancelled. */
  readonly cancelled: readonly Sitting[];
}

/** The reads of {@link LeaveRepository}: what `UnitOfWork.read` offers. @category Ports */
export interface LeaveReader {
  findById(id: LeaveId): Promise<Leave | undefined>;
  /** A doctor's leaves, newest (highest id) first. */
  listByDoctor(doctorId: DoctorId, page: PageRequest): Promise<Page<Leave>>;
  /** The doctor's active (not re-opened) leaves ending on or after `onOrAfter`, by id. */
  listActive(doctorId: DoctorId, onOrAfter: LocalDate): Promise<readonly Leave[]>;
  /** The sittings that belong to the leave (`sittings.leave_id`), by id. */
  listSittings(id: LeaveId): Promise<readonly Sitting[]>;
}

/**
 * Doctors' leaves and the sittings they hold cancelled. Lock order (PostgreSQL): the doctor's
 * leave lock first ({@link LeaveRepository.lockDoctor}), then the leave row, then sitting
 * rows (new ones, then existing ones by ascending id), then their appointments.
 * @category Ports
 */
export interface LeaveRepository extends LeaveReader {
  /**
   * Serializes, until the transaction ends, every change of the doctor's leaves and slots
   * (take, re-open, a slot added), so that a leave sees every slot and a new slot every
   * leave. Taken before any sitting lock.
   */
  lockDoctor(doctorId: DoctorId): Promise<void>;
  create(leave: NewLeave): Promise<Leave>;
  /** Adds to the leave's counts. */
  addCounts(id: LeaveId, sittings: number, appointments: number): Promise<void>;
  /**
   * Makes each of `sittings` cancelled and the leave's, in two statements: those whose
   * (slot, date) is not stored are created `cancelled` with nothing booked; stored
   * `scheduled` ones become `cancelled` (version bumped). Any other stored sitting (already
   * cancelled — by another leave or one by one —, in progress, completed) is left as it is.
   * Returns the sittings this call created, and those it cancelled, each by id, as they are
   * now (a cancelled one's `booked` still counts its appointments: cancel them next).
   */
  cancelSittings(id: LeaveId, sittings: readonly NewSitting[]): Promise<HeldSittings>;
  /**
   * Marks the leave re-opened at `at`; `false` (nothing changed) if it was already.
   */
  markReopened(id: LeaveId, at: Date): Promise<boolean>;
  /**
   * Puts those of `ids` that still belong to the leave, are `cancelled` and start after
   * `now` back to `scheduled` with no leave (version bumped). Returns them, by id.
   */
  reopenSittings(id: LeaveId, ids: readonly SittingId[], now: Date): Promise<readonly Sitting[]>;
  /** Moves those of `ids` that belong to leave `from` to leave `to` (they stay cancelled). */
  handOver(from: LeaveId, to: LeaveId, ids: readonly SittingId[]): Promise<void>;
}
