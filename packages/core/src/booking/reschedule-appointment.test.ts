import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../identity/user.js';
import type { Patient } from '../patients/patient.js';
import type { Slot } from '../scheduling/slot.js';
import type { AppointmentView } from './appointment-view.js';
import { BookingWorld } from './booking-fixture.js';
import { RescheduleAppointment } from './reschedule-appointment.js';
import { defaultBookingLimits } from './booking-limits.js';
import { JoinWaitlist } from '../waitlist/join-waitlist.js';

// The world's clock: Monday 2026-01-05 09:00 UTC; the slot: Mondays 10:00, 3 places.
describe('RescheduleAppointment', () => {
  let world: BookingWorld;
  let uc: ReturnType<BookingWorld['useCases']>;
  let reschedule: RescheduleAppointment;
  let alice: Actor;
  let doctor: Actor;
  let slot: Slot;
  let pat: Patient;
  let booked: AppointmentView;

  beforeEach(async () => {
    world = new BookingWorld();
    uc = world.useCases();
    reschedule = new RescheduleAppointment(world.uow, world.publisher, world.clock, world.policy);
    ({
      doctor: { actor: doctor },
      slot,
      alice,
      patient: pat,
      booked,
    } = await world.withOneBooking());
  });

  /** The stored sitting of the slot on `date`. */
  const sittingOn = (date: string) => world.uow.read.sittings.findBySlotAndDate(slot.id, date);

  it('moves the appointment to another date: the new place is booked, the old one cancelled and pointed at it', async () => {
    world.publisher.clear();
    const moved = await reschedule.execute(alice, { id: booked.id, date: '2026-01-12' });
    expect(moved).toMatchObject({
      patient_id: pat.id,
      slot_id: slot.id,
      date: '2026-01-12',
      queue_number: 1,
      status: 'booked',
      rescheduled_to: null,
    });
    const old = await uc.appointment.execute(alice, { id: booked.id });
    expect(old).toMatchObject({ status: 'cancelled', rescheduled_to: moved.id });
    const history = await uc.history.execute(alice, { id: booked.id });
    expect(history.history.at(-1)).toMatchObject({
      status: 'cancelled',
      actor_id: alice.userId,
      reason: 'rescheduled',
    });
    expect((await sittingOn('2026-01-05'))?.booked).toBe(0);
    expect((await sittingOn('2026-01-12'))?.booked).toBe(1);
    expect(world.publisher.events.map((e) => e.type).sort()).toEqual([
      'appointment.booked',
      'appointment.changed',
      'sitting.changed',
      'sitting.changed',
    ]);
  });

  it("moves to another slot of the same doctor, that slot's next sitting by default", async () => {
    const other = await world.slot(slot.doctorId, { day: 'tuesday', start: '14:00' });
    const moved = await reschedule.execute(alice, { id: booked.id, slot_id: other.id });
    expect(moved).toMatchObject({ slot_id: other.id, date: '2026-01-06', queue_number: 1 });
  });

  it('refuses the sitting the appointment is in already (SAME_SITTING), by default or by date', async () => {
    await expect(reschedule.execute(alice, { id: booked.id })).rejects.toMatchObject({
      code: 'SAME_SITTING',
    });
    await expect(
      reschedule.execute(alice, { id: booked.id, slot_id: slot.id, date: '2026-01-05' }),
    ).rejects.toMatchObject({ code: 'SAME_SITTING' });
  });

  it("refuses another doctor's slot (DIFFERENT_DOCTOR) and an unknown slot (SLOT_NOT_FOUND)", async () => {
    const stranger = await world.doctor('stranger');
    const theirs = await world.slot(stranger.doctor.id);
    await expect(
      reschedule.execute(alice, { id: booked.id, slot_id: theirs.id }),
    ).rejects.toMatchObject({ code: 'DIFFERENT_DOCTOR' });
    await expect(reschedule.execute(alice, { id: booked.id, slot_id: 9999 })).rejects.toMatchObject(
      { code: 'SLOT_NOT_FOUND' },
    );
  });

  it('refuses a full target with SITTING_FULL and leaves the old appointment untouched', async () => {
    const bob = await world.user('bob');
    for (const name of ['B1', 'B2', 'B3']) {
      const p = await world.patient(bob, name);
      await uc.book.execute(bob, { patient_id: p.id, slot_id: slot.id, date: '2026-01-12' });
    }
    const before = await uc.history.execute(alice, { id: booked.id });
    await expect(
      reschedule.execute(alice, { id: booked.id, date: '2026-01-12' }),
    ).rejects.toMatchObject({ code: 'SITTING_FULL' });
    expect(await uc.history.execute(alice, { id: booked.id })).toEqual(before);
    expect((await sittingOn('2026-01-05'))?.booked).toBe(1);
    expect((await sittingOn('2026-01-12'))?.booked).toBe(3);
  });

  it('refuses a target where the patient holds a place already (ALREADY_BOOKED), changing nothing', async () => {
    await uc.book.execute(alice, { patient_id: pat.id, slot_id: slot.id, date: '2026-01-12' });
    await expect(
      reschedule.execute(alice, { id: booked.id, date: '2026-01-12' }),
    ).rejects.toMatchObject({ code: 'ALREADY_BOOKED' });
    expect((await uc.appointment.execute(alice, { id: booked.id })).status).toBe('booked');
  });

  it('refuses later than the notice before the planned time (TOO_LATE_TO_CHANGE)', async () => {
    const strict = new RescheduleAppointment(
      world.uow,
      world.publisher,
      world.clock,
      world.policy,
      {
        ...defaultBookingLimits,
        cancelNoticeMinutes: 61,
      },
    );
    // Planned 10:00, now 09:00: 60 minutes before, the notice is 61.
    await expect(
      strict.execute(alice, { id: booked.id, date: '2026-01-12' }),
    ).rejects.toMatchObject({ code: 'TOO_LATE_TO_CHANGE' });
    // With no notice, until the planned time itself.
    world.clock.set('2026-01-05T10:00:01.000Z');
    await expect(
      reschedule.execute(alice, { id: booked.id, date: '2026-01-12' }),
    ).rejects.toMatchObject({ code: 'TOO_LATE_TO_CHANGE' });
    expect((await uc.appointment.execute(alice, { id: booked.id })).status).toBe('booked');
  });

  it('moves only a booked appointment (a checked-in one is INVALID_STATUS_TRANSITION)', async () => {
    await uc.checkIn.execute(doctor, { id: booked.id });
    await expect(
      reschedule.execute(alice, { id: booked.id, date: '2026-01-12' }),
    ).rejects.toMatchObject({ code: 'INVALID_STATUS_TRANSITION' });
  });

  it("hides others' appointments, the doctor's included (APPOINTMENT_NOT_FOUND)", async () => {
    const mallory = await world.user('mallory');
    for (const caller of [mallory, doctor]) {
      await expect(
        reschedule.execute(caller, { id: booked.id, date: '2026-01-12' }),
      ).rejects.toMatchObject({ code: 'APPOINTMENT_NOT_FOUND' });
    }
    await expect(reschedule.execute(alice, { id: 9999 })).rejects.toMatchObject({
      code: 'APPOINTMENT_NOT_FOUND',
    });
  });

  it('refuses bad input with VALIDATION_FAILED, and a wrong date with the booking refusals', async () => {
    for (const input of [
      { id: booked.id, date: '12/01/2026' },
      { id: booked.id, slot_id: -1 },
      { id: booked.id, when: 'later' },
    ]) {
      await expect(reschedule.execute(alice, input as never)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
    }
    await expect(
      reschedule.execute(alice, { id: booked.id, date: '2026-01-13' }),
    ).rejects.toMatchObject({ code: 'NOT_A_SITTING_DATE' });
    await expect(
      reschedule.execute(alice, { id: booked.id, date: '2027-01-04' }),
    ).rejects.toMatchObject({ code: 'SITTING_OUT_OF_HORIZON' });
    expect((await uc.appointment.execute(alice, { id: booked.id })).status).toBe('booked');
  });

  it('a moved appointment can move again, and the place it left is booked again', async () => {
    const first = await reschedule.execute(alice, { id: booked.id, date: '2026-01-12' });
    const second = await reschedule.execute(alice, { id: first.id, date: '2026-01-19' });
    expect((await uc.appointment.execute(alice, { id: first.id })).rescheduled_to).toBe(second.id);
    const sam = await world.patient(alice, 'Sam');
    const again = await uc.book.execute(alice, {
      patient_id: sam.id,
      slot_id: slot.id,
      date: '2026-01-12',
    });
    expect(again.queue_number).toBe(1);
  });

  it("gives the place it leaves to the old sitting's first waiting entry, in the same transaction", async () => {
    const small = await world.slot(slot.doctorId, { day: 'tuesday', places: 1 });
    const join = new JoinWaitlist(world.uow, world.publisher, world.clock, world.policy);
    const mine = await uc.book.execute(alice, { patient_id: pat.id, slot_id: small.id });
    const bob = await world.user('bob');
    const carol = await world.user('carol');
    const bobs = await world.patient(bob, 'Bob');
    const carols = await world.patient(carol, 'Carol');
    await join.execute(bob, { patient_id: bobs.id, slot_id: small.id });
    const waiting = await join.execute(carol, { patient_id: carols.id, slot_id: small.id });
    world.publisher.clear();
    await reschedule.execute(alice, { id: mine.id, date: '2026-01-13' });
    const sitting = (await world.uow.read.sittings.findBySlotAndDate(small.id, '2026-01-06'))!;
    const queue = await world.uow.read.appointments.listBySitting(sitting.id);
    expect(
      queue.map((d) => [d.appointment.patientId, d.appointment.status, d.appointment.queueNumber]),
    ).toEqual([
      [pat.id, 'cancelled', 1],
      [bobs.id, 'booked', 1],
    ]);
    expect((await world.uow.read.waitlist.details(waiting.id))?.position).toBe(1);
    expect(world.publisher.events.map((e) => e.type).sort()).toEqual([
      'appointment.booked',
      'appointment.booked',
      'appointment.changed',
      'sitting.changed',
      'sitting.changed',
      'sitting.changed',
      'waitlist.promoted',
    ]);
  });
});
