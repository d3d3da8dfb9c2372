import type { AppointmentDetails } from './appointment.js';
import type { LiveQueueEntry, LiveSittingState } from './appointment-repository.js';
import type { ReadRepositories } from '../shared/unit-of-work.js';
import type { AppointmentId } from '../shared/primitives.js';
import type { Sitting } from '../scheduling/sitting.js';
import { liveExpectedTimes, waitingExpectedAt } from './live-expected-time.js';
import {
  toPlannedAppointmentView,
  withLiveTiming,
  type AppointmentView,
  type LiveTiming,
  type PlannedAppointmentView,
} from './appointment-view.js';

/** The live part of a view whose sitting could not be read (it always can: a safe default). */
const notLive: LiveTiming = { expectedAt: null, ahead: null, nowServing: null };

/**
 * The live timing of every appointment of `states` at `now`, by appointment id: core's
 * {@link liveExpectedTimes} applied to each sitting.
 * @category Booking
 */
export function liveTimings(
  states: readonly Pick<LiveSittingState, 'sitting' | 'appointments'>[],
  now: Date,
): Map<AppointmentId, LiveTiming> {
  const timings = new Map<AppointmentId, LiveTiming>();
  for (const { sitting, appointments } of states) {
    const queue = liveExpectedTimes(liveQueueOf(sitting, appointments), now);
    for (const { appointment, expectedAt, ahead } of queue.appointments)
      timings.set(appointment.id, { expectedAt, ahead, nowServing: queue.nowServing });
  }
  return timings;
}

/** The input of {@link liveExpectedTimes} for a stored sitting and its appointments. */
export function liveQueueOf(sitting: Sitting, appointments: readonly LiveQueueEntry[]) {
  return {
    startsAt: sitting.startsAt,
    durationMinutes: sitting.durationMinutes,
    startedAt: sitting.startedAt,
    appointments,
  };
}

/** What the live queue reads of an appointment's details. */
export function liveEntryOf({ appointment }: AppointmentDetails): LiveQueueEntry {
  return {
    id: appointment.id,
    queueNumber: appointment.queueNumber,
    status: appointment.status,
    calledAt: appointment.calledAt,
    completedAt: appointment.completedAt,
  };
}

/**
 * Planned views with their live part at `now`: the live state of all their sittings is read
 * at once (one read however many sittings the page spans).
 * @category Booking
 */
export async function withLiveTimings(
  read: Pick<ReadRepositories, 'appointments'>,
  views: readonly PlannedAppointmentView[],
  now: Date,
): Promise<AppointmentView[]> {
  if (views.length === 0) return [];
  const sittingIds = [...new Set(views.map((v) => v.sitting_id))];
  const timings = liveTimings(await read.appointments.liveStates(sittingIds), now);
  return views.map((view) => withLiveTiming(view, timings.get(view.id) ?? notLive));
}

/**
 * The views of `details` with their live part at `now` (one read for their sittings).
 * @category Booking
 */
export function presentAppointments(
  read: Pick<ReadRepositories, 'appointments'>,
  details: readonly AppointmentDetails[],
  now: Date,
): Promise<AppointmentView[]> {
  return withLiveTimings(read, details.map(toPlannedAppointmentView), now);
}

/** The view of one appointment's `details` with its live part at `now`. @category Booking */
export async function presentAppointment(
  read: Pick<ReadRepositories, 'appointments'>,
  details: AppointmentDetails,
  now: Date,
): Promise<AppointmentView> {
  const [view] = await presentAppointments(read, [details], now);
  return view!;
}

/**
 * The live part of a booking just committed, from what the booking itself counted
 * ({@link AppointmentDetails.waitingAhead}), without reading the sitting's queue again; or
 * `undefined` when the store did not count it. Booking is only ever into a `scheduled`
 * sitting: nobody has been called in (calling starts a sitting), so the pace is the planned
 * duration (no measured consultation) and the base is `now`; the formula is
 * {@link waitingExpectedAt}, the one {@link liveExpectedTimes} applies.
 * @category Booking
 */
export function bookedLiveTiming(details: AppointmentDetails, now: Date): LiveTiming | undefined {
  const ahead = details.waitingAhead;
  if (ahead === undefined || details.sittingStatus !== 'scheduled') return undefined;
  const { sittingStartsAt: startsAt, durationMinutes } = details;
  const clock = {
    startsAt,
    durationMinutes,
    live: now.getTime() >= startsAt.getTime(),
    baseMs: now.getTime(),
    paceMinutes: durationMinutes,
  };
  const expectedAt = waitingExpectedAt(clock, details.appointment.queueNumber, ahead);
  return { expectedAt, ahead, nowServing: null };
}
