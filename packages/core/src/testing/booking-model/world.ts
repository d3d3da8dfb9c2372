import type { Actor } from '../../identity/user.js';
import type { Slot } from '../../scheduling/slot.js';
import type { UnitOfWork } from '../../shared/unit-of-work.js';
import type { BookingPolicy } from '../../scheduling/booking-policy.js';
import { defaultBookingLimits, type BookingLimits } from '../../booking/booking-limits.js';
import { sittingTimes } from '../../scheduling/sitting-times.js';
import { newSittingOf } from '../../scheduling/sitting-calendar.js';
import { ManualClock } from '../../memory/manual-clock.js';
import { RecordingOutboxPublisher } from '../../memory/recording-outbox-publisher.js';
import { BookAppointment } from '../../booking/book-appointment.js';
import { CancelAppointment } from '../../booking/cancel-appointment.js';
import { RescheduleAppointment } from '../../booking/reschedule-appointment.js';
import { StartSitting } from '../../scheduling/start-sitting.js';
import { CancelSitting } from '../../scheduling/cancel-sitting.js';
import { JoinWaitlist } from '../../waitlist/join-waitlist.js';
import { LeaveWaitlist } from '../../waitlist/leave-waitlist.js';
import { newDoctor, newPatient, newSlot, newUser } from '../contract-support.js';

/** The model's day: both sittings are on it, and the clock stands 45 minutes before the first (both may start). */
export const modelDate = '2026-01-12';
const modelNow = '2026-01-12T09:15:00.000Z';
const policy: BookingPolicy = { cutoffMinutes: 0, horizonWeeks: 4 };
/** The model does not count a user's claims (the limits have their own model test): no cap here. */
const limits: BookingLimits = { ...defaultBookingLimits, maxActiveAppointmentsPerUser: 1_000_000 };

/** The real side of the model test: the use cases over a store, and who acts. */
export interface ModelReal {
  readonly uow: UnitOfWork;
  readonly cases: ReturnType<typeof useCases>;
  /** The one user owning every patient. */
  readonly user: Actor;
  readonly doctor: Actor;
  /** The doctor's two slots (Mondays 10:00 and 11:00) and their sittings on {@link modelDate}. */
  readonly slots: readonly [Slot, Slot];
  readonly sittingIds: readonly [number, number];
  /** The patients' ids, by the model's index. */
  readonly patients: readonly number[];
}

function useCases(uow: UnitOfWork, clock: ManualClock) {
  const publisher = new RecordingOutboxPublisher();
  return {
    book: new BookAppointment(uow, publisher, clock, policy, limits),
    cancel: new CancelAppointment(uow, publisher, clock, limits),
    reschedule: new RescheduleAppointment(uow, publisher, clock, policy, limits),
    start: new StartSitting(uow, publisher, clock),
    cancelSitting: new CancelSitting(uow, publisher, clock),
    join: new JoinWaitlist(uow, publisher, clock, policy, limits),
    leave: new LeaveWaitlist(uow, publisher, clock),
  };
}

/** A fresh doctor, slots, stored sittings (as the worker materializes them) and patients in `uow`. */
export async function newModelWorld(
  uow: UnitOfWork,
  places: number,
  patientCount: number,
): Promise<ModelReal> {
  const clock = new ManualClock(modelNow);
  const made = await uow.transaction(async (r) => {
    const { user: doctorUser, doctor } = await newDoctor(r);
    const first = await newSlot(r, doctor.id, { start: '10:00', places });
    const second = await newSlot(r, doctor.id, { start: '11:00', places });
    const sittings = [];
    for (const slot of [first, second])
      sittings.push(await r.sittings.ensure(newSittingOf(slot, sittingTimes(slot, modelDate))));
    const owner = await newUser(r);
    const patients = [];
    for (let i = 0; i < patientCount; i++)
      patients.push((await newPatient(r, owner.id, `Patient ${i}`)).id);
    return { doctorUser, owner, slots: [first, second] as const, sittings, patients };
  });
  return {
    uow,
    cases: useCases(uow, clock),
    user: { userId: made.owner.id, role: 'user' },
    doctor: { userId: made.doctorUser.id, role: 'user' },
    slots: made.slots,
    sittingIds: [made.sittings[0]!.id, made.sittings[1]!.id],
    patients: made.patients,
  };
}
