import type { LocalDate } from '../shared/primitives.js';
import type { Leave } from './leave.js';

/** A doctor's leave as the API shows it. @category Views */
export interface LeaveView {
  id: number;
  doctor_id: number;
  from: LocalDate;
  to: LocalDate;
  reason: string;
  status: 'active' | 'reopened';
  created_at: string;
  reopened_at: string | null;
  /** Sittings it cancelled or recorded cancelled. */
  cancelled_sittings: number;
  /** Booked and checked-in appointments it cancelled. */
  cancelled_appointments: number;
}

/** A re-opened leave, with what re-opening it did. @category Views */
export interface ReopenedLeaveView extends LeaveView {
  /** Its sittings put back to `scheduled` (those not started, not held by another leave). */
  reopened_sittings: number;
}

/** The view of a leave. @category Views */
export function toLeaveView(leave: Leave): LeaveView {
  return {
    id: leave.id,
    doctor_id: leave.doctorId,
    from: leave.from,
    to: leave.to,
    reason: leave.reason,
    status: leave.reopenedAt === null ? 'active' : 'reopened',
    created_at: leave.createdAt.toISOString(),
    reopened_at: leave.reopenedAt?.toISOString() ?? null,
    cancelled_sittings: leave.cancelledSittings,
    cancelled_appointments: leave.cancelledAppointments,
  };
}
