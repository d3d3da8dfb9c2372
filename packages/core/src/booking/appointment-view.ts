import type { AppointmentDetails, AppointmentStatus } from './appointment.js';
import type { Slot } from '../scheduling/slot.js';
import type { LocalDate } from '../shared/primitives.js';
import type { SittingTimes } from '../scheduling/booking-policy.js';
import { expectedTime } from '../scheduling/sitting-times.js';
import type { SlotView } from '../doctors/doctor-view.js';
import { toSlotView } from '../doctors/to-doctor-view.js';

/** An appointment as the API shows it: the place in the queue and when to come. @category Views */
export interface AppointmentView {
  id: number;
  patient_id: number;
  patient_name: string;
  doctor_id: number;
  doctor_name: string;
  slot_id: number;
  sitting_id: number;
  /** The sitting's local date `YYYY-MM-DD`. */
  date: LocalDate;
  queue_number: number;
  /** ISO 8601 instant: sitting start + (queue_number − 1) × appointment duration (the plan). */
  expected_time: string;
  /**
   * ISO 8601 instant: when the patient is expected to be seen, live (late start, long
   * consultations, people ahead who cancelled or did not come); `null` when not waiting.
   */
  expected_at: string | null;
  /** Waiting appointments (booked or checked in) before this one; `null` when not waiting. */
  ahead: number | null;
  /** The queue number in consultation in this sitting now, or `null`. */
  now_serving: number | null;
  status: AppointmentStatus;
  /** ISO 8601 instant. */
  booked_at: string;
  /** The appointment a reschedule moved this one to (this one is then `cancelled`), or `null`. */
  rescheduled_to: number | null;
  /** The patient's own window, ISO 8601 instants: from `expected_time` for one appointment duration. */
  timings: { start: string; end: string };
}

/** The live part of an {@link AppointmentView}, computed at read time. @category Views */
export interface LiveTiming {
  readonly expectedAt: Date | null;
  readonly ahead: number | null;
  readonly nowServing: number | null;
}

/**
 * An {@link AppointmentView} without its live part: the facts that only change when the
 * appointment itself does, so they may be cached (the live part never is).
 * @category Views
 */
export type PlannedAppointmentView = Omit<AppointmentView, 'expected_at' | 'ahead' | 'now_serving'>;

/** The planned part of the API view of an appointment, its expected time computed from the queue number. @category Views */
export function toPlannedAppointmentView(details: AppointmentDetails): PlannedAppointmentView {
  const { appointment } = details;
  const expected = expectedTime(
    details.sittingStartsAt,
    details.durationMinutes,
    appointment.queueNumber,
  );
  const end = new Date(expected.getTime() + details.durationMinutes * 60_000);
  return {
    id: appointment.id,
    patient_id: appointment.patientId,
    patient_name: details.patientName,
    doctor_id: appointment.doctorId,
    doctor_name: details.doctorName,
    slot_id: appointment.slotId,
    sitting_id: appointment.sittingId,
    date: details.date,
    queue_number: appointment.queueNumber,
    expected_time: expected.toISOString(),
    status: appointment.status,
    booked_at: appointment.bookedAt.toISOString(),
    rescheduled_to: appointment.rescheduledTo,
    timings: { start: expected.toISOString(), end: end.toISOString() },
  };
}

/** A planned view with its live part. @category Views */
export function withLiveTiming(view: PlannedAppointmentView, live: LiveTiming): AppointmentView {
  const { timings, ...facts } = view;
  return {
    ...facts,
    expected_at: live.expectedAt?.toISOString() ?? null,
    ahead: live.ahead,
    now_serving: live.nowServing,
    timings,
  };
}

/** The API view of an appointment, with its live part. @category Views */
export function toAppointmentView(details: AppointmentDetails, live: LiveTiming): AppointmentView {
  return withLiveTiming(toPlannedAppointmentView(details), live);
}

/** A slot's next sitting and how many places are taken (`GET /doctors/timings/{id}`). @category Views */
export interface TimingView {
  slot: SlotView;
  /** The sitting's local date `YYYY-MM-DD`. */
  occurring_date: LocalDate;
  /** ISO 8601 instants of the sitting's start and end. */
  starts_at: string;
  ends_at: string;
  slots_booked: number;
}

/** The API view of a slot's next sitting and the places booked in it. @category Views */
export function toTimingView(slot: Slot, sitting: SittingTimes, slotsBooked: number): TimingView {
  return {
    slot: toSlotView(slot),
    occurring_date: sitting.date,
    starts_at: sitting.startsAt.toISOString(),
    ends_at: sitting.endsAt.toISOString(),
    slots_booked: slotsBooked,
  };
}
