import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../identity/user.js';
import type { Patient } from '../patients/patient.js';
import type { Slot } from '../scheduling/slot.js';
import type { AppointmentView } from './appointment-view.js';
import { BookingWorld } from './booking-fixture.js';
import { defaultBookingLimits } from './booking-limits.js';

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

  it('lets a checked-in appointment be cancelled while the sitting runs, before its planned time', async () => {
    const second = await uc.book.execute(alice, {
      patient_id: (await world.patient(alice, 'Sam')).id,
      slot_id: slot.id,
    });
    world.clock.set('2026-01-05T10:05:00.000Z'); // number 2 is planned at 10:10
    await uc.checkIn.execute(doctor, { id: second.id });
    expect((await uc.cancel.execute(alice, { id: second.id })).status).toBe('cancelled');
  });

  it('refuses the patient after the planned time by default (CANCEL_NOTICE_MINUTES 0), not the doctor', async () => {
    world.clock.set('2026-01-05T10:00:01.000Z'); // number 1 was planned at 10:00
    await expect(uc.cancel.execute(alice, { id: booked.id })).rejects.toMatchObject({
      code: 'TOO_LATE_TO_CHANGE',
    });
    expect((await uc.history.execute(alice, { id: booked.id })).appointment.status).toBe('booked');
    expect((await uc.cancel.execute(doctor, { id: booked.id })).status).toBe('cancelled');
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

  describe('with a cancel notice of 60 minutes', () => {
    const limits = { ...defaultBookingLimits, cancelNoticeMinutes: 60 };
    beforeEach(async () => {
      world = new BookingWorld(undefined, limits);
      uc = world.useCases();
      ({
        doctor: { actor: doctor },
        slot,
        alice,
        booked,
      } = await world.withOneBooking());
    });

    it('lets the patient cancel up to the notice before the planned time', async () => {
      world.clock.set('2026-01-05T09:00:00.000Z'); // exactly 60 minutes before 10:00
      expect((await uc.cancel.execute(alice, { id: booked.id })).status).toBe('cancelled');
    });

    it('refuses the patient one second later, with nothing changed', async () => {
      world.clock.set('2026-01-05T09:00:01.000Z');
      world.publisher.clear();
      await expect(uc.cancel.execute(alice, { id: booked.id })).rejects.toMatchObject({
        code: 'TOO_LATE_TO_CHANGE',
      });
      expect((await uc.history.execute(alice, { id: booked.id })).appointment.status).toBe(
        'booked',
      );
      expect(world.publisher.events).toEqual([]);
    });

    it('lets the doctor cancel however late', async () => {
      world.clock.set('2026-01-05T09:59:00.000Z');
      expect((await uc.cancel.execute(doctor, { id: booked.id })).status).toBe('cancelled');
    });

    it("counts from the queue number's planned time: start + (number − 1) × duration", async () => {
      const second = await uc.book.execute(alice, {
        patient_id: (await world.patient(alice, 'Sam')).id,
        slot_id: slot.id,
      });
      expect(second.queue_number).toBe(2); // planned 10:10: the notice ends at 09:10
      world.clock.set('2026-01-05T09:05:00.000Z');
      await expect(uc.cancel.execute(alice, { id: booked.id })).rejects.toMatchObject({
        code: 'TOO_LATE_TO_CHANGE',
      });
      expect((await uc.cancel.execute(alice, { id: second.id })).status).toBe('cancelled');
    });
  });
});
