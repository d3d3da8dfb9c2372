import { beforeEach, describe, expect, it } from 'vitest';
import type { Doctor } from '../doctors/doctor.js';
import type { Actor } from '../identity/user.js';
import type { Slot } from './slot.js';
import { BookingWorld } from '../booking/booking-fixture.js';

describe('GetTimings', () => {
  let world: BookingWorld;
  let uc: ReturnType<BookingWorld['useCases']>;
  let doctor: { actor: Actor; doctor: Doctor };
  let monday: Slot;
  let friday: Slot;

  beforeEach(async () => {
    world = new BookingWorld();
    uc = world.useCases();
    doctor = await world.doctor();
    monday = await world.slot(doctor.doctor.id);
    friday = await world.slot(doctor.doctor.id, { day: 'friday', start: '18:30', places: 5 });
  });

  it("lists each slot's next sitting and the places booked in it", async () => {
    const user = await world.user();
    await uc.book.execute(user, { patient_id: (await world.patient(user)).id, slot_id: monday.id });
    const timings = await uc.timings.execute({ id: doctor.doctor.id });
    expect(timings.map((t) => [t.slot.id, t.occurring_date, t.slots_booked])).toEqual([
      [monday.id, '2026-01-05', 1],
      [friday.id, '2026-01-09', 0],
    ]);
    expect(timings[0]!.slot).toMatchObject({
      day: 'monday',
      start: '10:00',
      end: '10:30',
      num_slots: 3,
    });
  });

  it('skips cancelled and closed sittings', async () => {
    await uc.cancelSitting.execute(doctor.actor, { slot_id: friday.id, date: '2026-01-09' });
    world.clock.set('2026-01-05T10:00:00.000Z');
    const timings = await uc.timings.execute({ id: doctor.doctor.id });
    expect(timings.map((t) => t.occurring_date)).toEqual(['2026-01-12', '2026-01-16']);
  });

  it('is cached under the doctor tag and invalidated by it', async () => {
    expect((await uc.timings.execute({ id: doctor.doctor.id }))[0]!.slots_booked).toBe(0);
    const user = await world.user();
    await uc.book.execute(user, { patient_id: (await world.patient(user)).id, slot_id: monday.id });
    // Not yet invalidated: the cached answer stands.
    expect((await uc.timings.execute({ id: doctor.doctor.id }))[0]!.slots_booked).toBe(0);
    await world.cache.invalidateTags([`doctor:${doctor.doctor.id}`]);
    expect((await uc.timings.execute({ id: doctor.doctor.id }))[0]!.slots_booked).toBe(1);
  });

  it('does not cache past the moment the first sitting closes', async () => {
    world.clock.set('2026-01-05T09:59:50.000Z');
    expect((await uc.timings.execute({ id: doctor.doctor.id }))[0]!.occurring_date).toBe(
      '2026-01-05',
    );
    world.clock.advance(11);
    expect((await uc.timings.execute({ id: doctor.doctor.id }))[0]!.occurring_date).toBe(
      '2026-01-12',
    );
  });

  it('refuses an unknown doctor', async () => {
    await expect(uc.timings.execute({ id: 999 })).rejects.toMatchObject({
      code: 'DOCTOR_NOT_FOUND',
    });
    await expect(uc.timings.execute({ id: 'x' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
