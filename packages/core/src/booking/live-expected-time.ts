import { expectedTime } from '../scheduling/sitting-times.js';
import type { AppointmentStatus } from './appointment.js';

const msPerMinute = 60_000;

/**
 * How many planned consultations the pace starts from: the doctor's first few measured
 * consultations move the estimate, but one quick or slow patient does not swing it.
 */
const priorConsultations = 3;

/**
 * What the live queue needs of one appointment. `calledAt` is set once the patient is
 * called in; `completedAt` once the consultation ends.
 * @category Booking
 */
export interface LiveQueueAppointment {
  readonly queueNumber: number;
  readonly status: AppointmentStatus;
  readonly calledAt?: Date | null;
  readonly completedAt?: Date | null;
}

/**
 * What the live queue needs of one sitting: its planned start, the slot's consultation
 * duration, when the doctor actually started it (`null`/absent: not yet), and its
 * appointments in any order and of any status.
 * @category Booking
 */
export interface LiveQueueSitting<A extends LiveQueueAppointment = LiveQueueAppointment> {
  readonly startsAt: Date;
  readonly durationMinutes: number;
  readonly startedAt?: Date | null;
  readonly appointments: readonly A[];
}

/**
 * One appointment's place in the live queue. `expectedAt` and `ahead` (waiting appointments
 * with a lower queue number) are set for waiting appointments (`booked`, `checked_in`) only:
 * the others are being seen, have been seen, or will not be.
 * @category Booking
 */
export interface LiveAppointmentTiming<A extends LiveQueueAppointment = LiveQueueAppointment> {
  readonly appointment: A;
  readonly expectedAt: Date | null;
  readonly ahead: number | null;
}

/**
 * The live state of a sitting: who is in consultation (`nowServing`, a queue number), the
 * pace in minutes per consultation, and each input appointment's timing, in input order.
 * @category Booking
 */
export interface LiveQueue<A extends LiveQueueAppointment = LiveQueueAppointment> {
  readonly nowServing: number | null;
  readonly paceMinutes: number;
  readonly appointments: readonly LiveAppointmentTiming<A>[];
}

/**
 * Whether an appointment still waits for its consultation (`booked` or `checked_in`).
 * @category Booking
 */
export function isWaiting(status: AppointmentStatus): boolean {
  return status === 'booked' || status === 'checked_in';
}

/**
 * The sitting's pace `m` in minutes: `(Σ measured lengths + 3·d) / (n + 3)` over the `n`
 * completed consultations that have both `calledAt` and `completedAt` (DESIGN.md, "Live
 * expected time"). One completed without being called in (before `in_consultation`
 * existed) has no measured length, so it is left out rather than guessed. A negative length
 * (clocks disagreeing) counts as 0, so the pace never drops below `3·d / (n + 3)`.
 * @category Booking
 */
export function consultationPaceMinutes(
  durationMinutes: number,
  appointments: readonly LiveQueueAppointment[],
): number {
  let measuredMinutes = 0;
  let measured = 0;
  for (const { status, calledAt, completedAt } of appointments) {
    if (status !== 'completed' || !calledAt || !completedAt) continue;
    measuredMinutes += Math.max(0, completedAt.getTime() - calledAt.getTime()) / msPerMinute;
    measured += 1;
  }
  return (measuredMinutes + priorConsultations * durationMinutes) / (measured + priorConsultations);
}

/**
 * The live expected time of every waiting appointment of a sitting at `now` (DESIGN.md,
 * "The day of the sitting"). Pure: `now` is an argument and nothing is read.
 * - Not started and `now` before the planned start: each one's planned time
 *   `startsAt + (q − 1)·d`.
 * - Otherwise, with `base` = `max(now, calledAt + m)` while someone is in consultation, else
 *   `now`: `max(planned(q), base + r·m)` for a waiting appointment with `r` waiting ahead.
 *
 * Should two appointments be in consultation at once, the one called last is the one being
 * seen: its `calledAt` is the latest evidence of where the doctor is.
 * @category Booking
 */
export function liveExpectedTimes<A extends LiveQueueAppointment>(
  sitting: LiveQueueSitting<A>,
  now: Date,
): LiveQueue<A> {
  const { startsAt, durationMinutes, startedAt, appointments } = sitting;
  const paceMinutes = consultationPaceMinutes(durationMinutes, appointments);
  const serving = currentConsultation(appointments);
  const live = Boolean(startedAt) || now.getTime() >= startsAt.getTime();
  const base = Math.max(
    now.getTime(),
    serving?.calledAt ? serving.calledAt.getTime() + paceMinutes * msPerMinute : -Infinity,
  );
  const waitingNumbers = appointments.filter((a) => isWaiting(a.status)).map((a) => a.queueNumber);
  return {
    nowServing: serving?.queueNumber ?? null,
    paceMinutes,
    appointments: appointments.map((appointment) => {
      if (!isWaiting(appointment.status)) return { appointment, expectedAt: null, ahead: null };
      const ahead = waitingNumbers.filter((q) => q < appointment.queueNumber).length;
      const expectedAt = waitingExpectedAt(
        { startsAt, durationMinutes, live, baseMs: base, paceMinutes },
        appointment.queueNumber,
        ahead,
      );
      return { appointment, expectedAt, ahead };
    }),
  };
}

/**
 * Where a sitting's queue stands, as {@link waitingExpectedAt} needs it: whether the live
 * estimate applies yet (`live`: started, or past the planned start), its `base` instant in
 * ms and its pace.
 * @category Booking
 */
export interface LiveQueueClock {
  readonly startsAt: Date;
  readonly durationMinutes: number;
  readonly live: boolean;
  readonly baseMs: number;
  readonly paceMinutes: number;
}

/**
 * The expected time of one waiting appointment, queue number `queueNumber`, with `ahead`
 * waiting before it: its planned time until the queue is live, then `max(planned(q), base +
 * r·m)`. The one formula of {@link liveExpectedTimes}, for a caller that already knows `ahead`
 * (a booking that counted it) and need not rebuild the queue.
 * @category Booking
 */
export function waitingExpectedAt(clock: LiveQueueClock, queueNumber: number, ahead: number): Date {
  const planned = expectedTime(clock.startsAt, clock.durationMinutes, queueNumber);
  if (!clock.live) return planned;
  // Rounded to the millisecond a Date holds; rounding is monotone, so the properties hold.
  const estimate = Math.round(clock.baseMs + ahead * clock.paceMinutes * msPerMinute);
  return new Date(Math.max(planned.getTime(), estimate));
}

function currentConsultation<A extends LiveQueueAppointment>(appointments: readonly A[]): A | null {
  let serving: A | null = null;
  for (const a of appointments) {
    if (a.status !== 'in_consultation') continue;
    if (
      !serving ||
      (a.calledAt?.getTime() ?? -Infinity) > (serving.calledAt?.getTime() ?? -Infinity)
    )
      serving = a;
  }
  return serving;
}
