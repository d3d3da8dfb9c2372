import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../identity/user.js';
import type { Patient } from '../patients/patient.js';
import type { Slot } from '../scheduling/slot.js';
import { BookingWorld } from './booking-fixture.js';

describe('BookAppointment', () => {
  let world: BookingWorld;
  let uc: ReturnType<BookingWorld['useCases']>;
  let user: Actor;
  let patient: Patient;
  let slot: Slot;
  let doctor: Actor;

  beforeEach(async () => {
    world = new BookingWorld();
    uc = world.useCases();
    const d = await world.doctor('Dr Who');
    doctor = d.actor;
    slot = await world.slot(d.doctor.id);
    user = await world.user('alice');
    patient = await world.patient(user, 'Pat');
  });

  it("books today's sitting when it is still open, with queue number, expected time and timings", async () => {
    const view = await uc.book.execute(user, { patient_id: patient.id, slot_id: slot.id });
    expect(view).toMatchObject({
      patient_id: patient.id,
      patient_name: 'Pat',
      doctor_name: 'Dr Who',
      slot_id: slot.id,
      date: '2026-01-05',
      queue_number: 1,
      expected_time: '2026-01-05T10:00:00.000Z',
      status: 'booked',
      timings: { start: '2026-01-05T10:00:00.000Z', end: '2026-01-05T10:10:00.000Z' },
    });
    expect(world.publisher.events.map((e) => e.type).sort()).toEqual([
      'appointment.booked',
      'sitting.changed',
    ]);
    expect((await world.outbox.pending(10)).length).toBe(2);
  });

  it('gives the next queue number and its expected time to the next patient', async () => {
    await uc.book.execute(user, { patient_id: patient.id, slot_id: slot.id });
    const other = await world.patient(user, 'Sam');
    const view = await uc.book.execute(user, { patient_id: other.id, slot_id: slot.id });
    expect(view).toMatchObject({ queue_number: 2, expected_time: '2026-01-05T10:10:00.000Z' });
  });

  it('moves on to next week once today has closed', async () => {
    world.clock.set('2026-01-05T10:00:00.000Z');
    const view = await uc.book.execute(user, { patient_id: patient.id, slot_id: slot.id });
    expect(view.date).toBe('2026-01-12');
  });

  it('books a given future date within the horizon', async () => {
    const view = await uc.book.execute(user, {
      patient_id: patient.id,
      slot_id: slot.id,
      date: '2026-02-02',
    });
    expect(view).toMatchObject({
      date: '2026-02-02',
      queue_number: 1,
      expected_time: '2026-02-02T10:00:00.000Z',
    });
  });

  it("refuses another user's patient exactly like a missing one", async () => {
    const bob = await world.user('bob');
    await expect(
      uc.book.execute(bob, { patient_id: patient.id, slot_id: slot.id }),
    ).rejects.toMatchObject({ code: 'PATIENT_NOT_FOUND' });
    await expect(
      uc.book.execute(user, { patient_id: 999, slot_id: slot.id }),
    ).rejects.toMatchObject({ code: 'PATIENT_NOT_FOUND' });
  });

  it('refuses a missing slot', async () => {
    await expect(
      uc.book.execute(user, { patient_id: patient.id, slot_id: 999 }),
    ).rejects.toMatchObject({ code: 'SLOT_NOT_FOUND' });
  });

  it('refuses invalid input with the field named', async () => {
    await expect(
      uc.book.execute(user, { patient_id: patient.id, slot_id: slot.id, date: '2026-13-01' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [expect.objectContaining({ path: 'date' })],
    });
  });

  it.each([
    [
      'a date that is not the slot weekday',
      '2026-01-06',
      '2026-01-05T09:00:00.000Z',
      'NOT_A_SITTING_DATE',
    ],
    ['a sitting that ended', '2026-01-05', '2026-01-05T10:30:00.000Z', 'SITTING_PAST'],
    ['a sitting that started', '2026-01-05', '2026-01-05T10:05:00.000Z', 'SITTING_CLOSED'],
    [
      'a date beyond the horizon',
      '2026-02-09',
      '2026-01-05T09:00:00.000Z',
      'SITTING_OUT_OF_HORIZON',
    ],
  ])('refuses %s', async (_what, date, now, code) => {
    world.clock.set(now);
    await expect(
      uc.book.execute(user, { patient_id: patient.id, slot_id: slot.id, date }),
    ).rejects.toMatchObject({ code });
  });

  it('closes booking the cutoff before the start', async () => {
    const strict = new BookingWorld({ cutoffMinutes: 60, horizonWeeks: 4 });
    const d = await strict.doctor();
    const s = await strict.slot(d.doctor.id);
    const u = await strict.user();
    const p = await strict.patient(u);
    await expect(
      strict.useCases().book.execute(u, { patient_id: p.id, slot_id: s.id, date: '2026-01-05' }),
    ).rejects.toMatchObject({ code: 'SITTING_CLOSED' });
    // Without a date the next open sitting is next week's.
    expect(
      (await strict.useCases().book.execute(u, { patient_id: p.id, slot_id: s.id })).date,
    ).toBe('2026-01-12');
  });

  it('refuses a cancelled sitting and skips it when no date is given', async () => {
    await uc.cancelSitting.execute(doctor, { slot_id: slot.id, date: '2026-01-05' });
    await expect(
      uc.book.execute(user, { patient_id: patient.id, slot_id: slot.id, date: '2026-01-05' }),
    ).rejects.toMatchObject({ code: 'SITTING_CANCELLED' });
    expect((await uc.book.execute(user, { patient_id: patient.id, slot_id: slot.id })).date).toBe(
      '2026-01-12',
    );
  });

  it('refuses a full sitting and a second place for one patient', async () => {
    await uc.book.execute(user, { patient_id: patient.id, slot_id: slot.id });
    await expect(
      uc.book.execute(user, { patient_id: patient.id, slot_id: slot.id }),
    ).rejects.toMatchObject({ code: 'ALREADY_BOOKED' });
    for (const name of ['B', 'C']) {
      await uc.book.execute(user, {
        patient_id: (await world.patient(user, name)).id,
        slot_id: slot.id,
      });
    }
    const late = await world.patient(user, 'D');
    await expect(
      uc.book.execute(user, { patient_id: late.id, slot_id: slot.id, date: '2026-01-05' }),
    ).rejects.toMatchObject({ code: 'SITTING_FULL' });
  });

  it('answers a repeated idempotency key with the first booking and books nothing new', async () => {
    const first = await uc.book.execute(user, {
      patient_id: patient.id,
      slot_id: slot.id,
      idempotency_key: 'k-1',
    });
    world.publisher.clear();
    const again = await uc.book.execute(user, {
      patient_id: patient.id,
      slot_id: slot.id,
      idempotency_key: 'k-1',
    });
    expect(again).toEqual(first);
    expect(world.publisher.events).toEqual([]);
    expect((await uc.myAppointments.execute(user)).total).toBe(1);
  });

  it('keeps idempotency keys per user and refuses a key reused for another booking', async () => {
    await uc.book.execute(user, {
      patient_id: patient.id,
      slot_id: slot.id,
      idempotency_key: 'k-1',
    });
    const other = await world.patient(user, 'Sam');
    await expect(
      uc.book.execute(user, { patient_id: other.id, slot_id: slot.id, idempotency_key: 'k-1' }),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    const bob = await world.user('bob');
    const bobs = await world.patient(bob, 'Bo');
    const view = await uc.book.execute(bob, {
      patient_id: bobs.id,
      slot_id: slot.id,
      idempotency_key: 'k-1',
    });
    expect(view.patient_id).toBe(bobs.id);
  });

  it('never overbooks under concurrent requests', async () => {
    const patients = await Promise.all(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => world.patient(user, n)),
    );
    const results = await Promise.allSettled(
      patients.map((p) =>
        uc.book.execute(user, { patient_id: p.id, slot_id: slot.id, date: '2026-01-05' }),
      ),
    );
    const booked = results
      .filter((r) => r.status === 'fulfilled')
      .map((r) => r.value.queue_number)
      .sort();
    expect(booked).toEqual([1, 2, 3]);
    expect(
      results
        .filter((r) => r.status === 'rejected')
        .map((r) => (r.reason as { code: string }).code),
    ).toEqual(['SITTING_FULL', 'SITTING_FULL', 'SITTING_FULL']);
  });

  it('refuses when every sitting within the horizon is cancelled, and timings leave the slot out', async () => {
    for (const date of ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02']) {
      await uc.cancelSitting.execute(doctor, { slot_id: slot.id, date });
    }
    await expect(
      uc.book.execute(user, { patient_id: patient.id, slot_id: slot.id }),
    ).rejects.toMatchObject({ code: 'SITTING_OUT_OF_HORIZON' });
    expect(await uc.timings.execute({ id: slot.doctorId })).toEqual([]);
  });

  it('keeps wall-clock times across a DST gap (RFC 5545: a start in the gap moves later)', async () => {
    world.clock.set('2026-03-01T12:00:00.000Z');
    const nyc = await world.slot(slot.doctorId, {
      day: 'sunday',
      start: '02:30',
      timeZone: 'America/New_York',
    });
    const first = await uc.book.execute(user, {
      patient_id: patient.id,
      slot_id: nyc.id,
      date: '2026-03-08',
    });
    const second = await uc.book.execute(user, {
      patient_id: (await world.patient(user, 'Sam')).id,
      slot_id: nyc.id,
      date: '2026-03-08',
    });
    expect([first.expected_time, second.expected_time]).toEqual([
      '2026-03-08T07:30:00.000Z',
      '2026-03-08T07:40:00.000Z',
    ]);
    // A week later the start exists again: 02:30 EDT is 06:30Z.
    const later = await uc.book.execute(user, {
      patient_id: patient.id,
      slot_id: nyc.id,
      date: '2026-03-15',
    });
    expect(later.expected_time).toBe('2026-03-15T06:30:00.000Z');
  });
});
