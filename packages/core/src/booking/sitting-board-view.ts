import type { LocalDate } from '../shared/primitives.js';
import type { AppointmentStatus } from './appointment.js';
import type { SittingStatus } from '../scheduling/sitting.js';
import type { LiveSittingState } from './appointment-repository.js';
import { isWaiting, liveExpectedTimes } from './live-expected-time.js';
import { liveQueueOf } from './live-appointment-views.js';

/** One place of the public board: no name, no patient or user id. @category Views */
export interface SittingBoardPlace {
  queue_number: number;
  status: AppointmentStatus;
  /** ISO 8601 instant, live; `null` when not waiting. */
  expected_at: string | null;
}

/**
 * The public queue board of one sitting (`GET /sittings/{id}/board`), for a waiting-room
 * screen: who is being seen, how many wait and when each place is expected. It names the
 * doctor, never a patient: no patient names, patient ids, user ids or emails.
 * @category Views
 */
export interface SittingBoardView {
  sitting_id: number;
  doctor_id: number;
  doctor_name: string;
  /** The sitting's local date `YYYY-MM-DD`. */
  date: LocalDate;
  status: SittingStatus;
  /** ISO 8601 instant when the doctor started the sitting; `null` before. */
  started_at: string | null;
  /** The queue number in consultation, or `null`. */
  now_serving: number | null;
  /** How many appointments wait (booked or checked in). */
  waiting: number;
  /** The non-cancelled appointments, by queue number. */
  queue: SittingBoardPlace[];
  /** The sitting's version: increases with every change of the sitting or its appointments. */
  version: number;
}

/** The board of a sitting's live state at `now`. @category Views */
export function toSittingBoardView(state: LiveSittingState, now: Date): SittingBoardView {
  const { sitting, doctorName } = state;
  const places = state.appointments.filter((a) => a.status !== 'cancelled');
  const live = liveExpectedTimes(liveQueueOf(sitting, places), now);
  return {
    sitting_id: sitting.id,
    doctor_id: sitting.doctorId,
    doctor_name: doctorName,
    date: sitting.date,
    status: sitting.status,
    started_at: sitting.startedAt?.toISOString() ?? null,
    now_serving: live.nowServing,
    waiting: places.filter((a) => isWaiting(a.status)).length,
    queue: live.appointments.map(({ appointment, expectedAt }) => ({
      queue_number: appointment.queueNumber,
      status: appointment.status,
      expected_at: expectedAt?.toISOString() ?? null,
    })),
    version: sitting.version,
  };
}
