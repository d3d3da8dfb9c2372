import type { Actor } from '../identity/user.js';
import type { Patient } from '../patients/patient.js';
import type { Slot } from '../scheduling/slot.js';
import { defaultBookingLimits, type BookingLimits } from '../booking/booking-limits.js';
import { BookingWorld } from '../booking/booking-fixture.js';
import type { AppointmentView } from '../booking/appointment-view.js';
import { CloseEndedSittings } from '../scheduling/close-ended-sittings.js';
import { GetWaitlistEntry } from './get-waitlist-entry.js';
import { JoinWaitlist } from './join-waitlist.js';
import { LeaveWaitlist } from './leave-waitlist.js';
import { ListMyWaitlist } from './list-my-waitlist.js';

/**
 * Test support for the waitlist use cases (not part of the public API): a {@link BookingWorld}
 * whose doctor has a one-place slot (Mondays 10:00 UTC, its sitting today at 10:00) that
 * `alice` booked, and `bob` and `carol` with a patient each.
 */
export async function fullSittingWorld(limits: BookingLimits = defaultBookingLimits) {
  const world = new BookingWorld();
  const uc = world.useCases();
  const doctor = await world.doctor();
  const slot: Slot = await world.slot(doctor.doctor.id, { places: 1 });
  const alice = await world.user('alice');
  const bob = await world.user('bob');
  const carol = await world.user('carol');
  const alicePatient = await world.patient(alice, 'Ann');
  const bobPatient: Patient = await world.patient(bob, 'Ben');
  const carolPatient: Patient = await world.patient(carol, 'Cat');
  const booked: AppointmentView = await uc.book.execute(alice, {
    patient_id: alicePatient.id,
    slot_id: slot.id,
  });
  const { uow, publisher, clock, policy } = world;
  const waitlist = {
    join: new JoinWaitlist(uow, publisher, clock, policy, limits),
    list: new ListMyWaitlist(uow, clock),
    get: new GetWaitlistEntry(uow),
    leave: new LeaveWaitlist(uow, publisher, clock),
    close: new CloseEndedSittings(uow, publisher),
  };
  const join = (actor: Actor, patient: Patient) =>
    waitlist.join.execute(actor, { patient_id: patient.id, slot_id: slot.id });
  return {
    world,
    uc,
    waitlist,
    join,
    doctor: doctor.actor,
    slot,
    alice,
    bob,
    carol,
    alicePatient,
    bobPatient,
    carolPatient,
    booked,
  };
}
