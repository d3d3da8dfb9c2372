import { beforeEach, describe, expect, it } from 'vitest';
import type { Doctor } from '../doctors/doctor.js';
import type { Actor } from '../identity/user.js';
import type { AppointmentView } from '../booking/appointment-view.js';
import { BookingWorld } from '../booking/booking-fixture.js';

describe('RateDoctor', () => {
  let world: BookingWorld;
  let uc: ReturnType<BookingWorld['useCases']>;
  let alice: Actor;
  let dr: { actor: Actor; doctor: Doctor };
  let booked: AppointmentView;

  beforeEach(async () => {
    world = new BookingWorld();
    uc = world.useCases();
    ({ doctor: dr, alice, booked } = await world.withOneBooking());
  });

  it('rates the doctor of a completed appointment once, and the doctor changes', async () => {
    await uc.complete.execute(dr.actor, { id: booked.id });
    world.publisher.clear();
    const rating = await uc.rate.execute(alice, {
      appointment_id: booked.id,
      stars: 4,
      review: '  Kind  ',
    });
    expect(rating).toMatchObject({
      doctor_id: dr.doctor.id,
      appointment_id: booked.id,
      stars: 4,
      review: 'Kind',
      created_at: '2026-01-05T09:00:00.000Z',
    });
    expect(world.publisher.events).toEqual([{ type: 'doctor.changed', doctorId: dr.doctor.id }]);
    const snapshot = await world.uow.read.doctors.snapshot(dr.doctor.id);
    expect([snapshot?.ratingSum, snapshot?.ratingCount]).toEqual([4, 1]);
    await expect(
      uc.rate.execute(alice, { appointment_id: booked.id, stars: 5 }),
    ).rejects.toMatchObject({ code: 'ALREADY_RATED' });
  });

  it('refuses an appointment that is not completed', async () => {
    await expect(
      uc.rate.execute(alice, { appointment_id: booked.id, stars: 5 }),
    ).rejects.toMatchObject({ code: 'NOT_RATEABLE' });
    await uc.noShow.execute(dr.actor, { id: booked.id });
    await expect(
      uc.rate.execute(alice, { appointment_id: booked.id, stars: 5 }),
    ).rejects.toMatchObject({ code: 'NOT_RATEABLE' });
  });

  it('does not exist for anyone but the owner of the patient, the doctor included', async () => {
    await uc.complete.execute(dr.actor, { id: booked.id });
    const bob = await world.user('bob');
    for (const actor of [bob, dr.actor]) {
      await expect(
        uc.rate.execute(actor, { appointment_id: booked.id, stars: 5 }),
      ).rejects.toMatchObject({ code: 'APPOINTMENT_NOT_FOUND' });
    }
    await expect(uc.rate.execute(alice, { appointment_id: 999, stars: 5 })).rejects.toMatchObject({
      code: 'APPOINTMENT_NOT_FOUND',
    });
  });

  it('refuses stars outside 1–5', async () => {
    await expect(
      uc.rate.execute(alice, { appointment_id: booked.id, stars: 6 }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
