import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../identity/user.js';
import type { Patient } from '../patients/patient.js';
import type { Slot } from '../scheduling/slot.js';
import type { AppointmentView } from './appointment-view.js';
import { BookingWorld } from './booking-fixture.js';

describe('CancelAppointment', () => {
  let world: BookingWorld;
  let uc: ReturnType<BookingWorld['useCases']>;
  let alice: Actor;
  let doctor: Actor;
  let slot: Slot;
  let pat: Patient;
  let booked: AppointmentView;

  beforeEach(async () => {
    world = new BookingWorld();
    uc = world.useCases();
    ({
      doctor: { actor: doctor },
      slot,
      alice,
      patient: pat,
      booked,
    } = await world.withOneBooking());
  });

  it('lets the owner cancel, frees the place for reuse and records why', async () => {
    world.publisher.clear();
    const view = await uc.cancel.execute(alice, { id: booked.id });
    expect(view).toMatchObject({ id: booked.id, status: 'cancelled' });
    expect(world.publisher.events.map((e) => e.type).sort()).toEqual([
      'appointment.changed',
      'sitting.changed',
    ]);
    const history = await uc.history.execute(alice, { id: booked.id });
    expect(history.history.at(-1)).toMatchObject({
      status: 'cancelled',
      actor_id: alice.userId,
      reason: 'cancelled by the patient',
    });
    const other = await world.patient(alice, 'Sam');
    expect(
      (await uc.book.execute(alice, { patient_id: other.id, slot_id: slot.id })).queue_number,
    ).toBe(1);
  });

  it('lets the doctor cancel, with a reason', async () => {
    const view = await uc.cancel.execute(doctor, { id: booked.id, reason: 'emergency' });
    expect(view.status).toBe('cancelled');
    expect((await uc.history.execute(doctor, { id: booked.id })).history.at(-1)).toMatchObject({
      actor_id: doctor.userId,
      reason: 'emergency',
    });
  });

  it('lets a checked-in appointment be cancelled while the sitting runs', async () => {
    world.clock.set('2026-01-05T10:05:00.000Z');
    await uc.checkIn.execute(doctor, { id: booked.id });
    expect((await uc.cancel.execute(alice, { id: booked.id })).status).toBe('cancelled');
  });

  it("does not exist for another user or another doctor (user B cannot cancel user A's appointment)", async () => {
    const bob = await world.user('bob');
    const other = (await world.doctor('Dr Other')).actor;
    for (const actor of [bob, other]) {
      await expect(uc.cancel.execute(actor, { id: booked.id })).rejects.toMatchObject({
        code: 'APPOINTMENT_NOT_FOUND',
      });
    }
    await expect(uc.cancel.execute(alice, { id: 999 })).rejects.toMatchObject({
      code: 'APPOINTMENT_NOT_FOUND',
    });
    expect((await uc.history.execute(alice, { id: booked.id })).appointment.status).toBe('booked');
  });

  it('refuses a second cancellation, a finished appointment and an ended sitting', async () => {
    await uc.cancel.execute(alice, { id: booked.id });
    await expect(uc.cancel.execute(alice, { id: booked.id })).rejects.toMatchObject({
      code: 'INVALID_STATUS_TRANSITION',
    });
    const second = await uc.book.execute(alice, { patient_id: pat.id, slot_id: slot.id });
    await uc.complete.execute(doctor, { id: second.id });
    await expect(uc.cancel.execute(alice, { id: second.id })).rejects.toMatchObject({
      code: 'INVALID_STATUS_TRANSITION',
    });
    const third = await uc.book.execute(alice, {
      patient_id: (await world.patient(alice, 'Sam')).id,
      slot_id: slot.id,
    });
    world.clock.set('2026-01-05T10:30:00.000Z');
    await expect(uc.cancel.execute(alice, { id: third.id })).rejects.toMatchObject({
      code: 'INVALID_STATUS_TRANSITION',
    });
  });
});
