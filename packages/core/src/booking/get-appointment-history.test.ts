import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../identity/user.js';
import type { AppointmentView } from './appointment-view.js';
import { BookingWorld } from './booking-fixture.js';

describe('GetAppointmentHistory', () => {
  let world: BookingWorld;
  let uc: ReturnType<BookingWorld['useCases']>;
  let alice: Actor;
  let doctor: Actor;
  let booked: AppointmentView;

  beforeEach(async () => {
    world = new BookingWorld();
    uc = world.useCases();
    ({
      doctor: { actor: doctor },
      alice,
      booked,
    } = await world.withOneBooking());
  });

  it('shows every status change with who and when, to the owner, the doctor and an admin', async () => {
    world.clock.set('2026-01-05T10:01:00.000Z');
    await uc.checkIn.execute(doctor, { id: booked.id });
    world.clock.set('2026-01-05T10:08:00.000Z');
    await uc.complete.execute(doctor, { id: booked.id });
    const admin = await world.user('root', 'admin');
    for (const actor of [alice, doctor, admin]) {
      const seen = await uc.history.execute(actor, { id: booked.id });
      expect(seen.appointment).toMatchObject({ id: booked.id, status: 'completed' });
      expect(seen.history).toEqual([
        { status: 'booked', actor_id: alice.userId, at: '2026-01-05T09:00:00.000Z', reason: null },
        {
          status: 'checked_in',
          actor_id: doctor.userId,
          at: '2026-01-05T10:01:00.000Z',
          reason: null,
        },
        {
          status: 'completed',
          actor_id: doctor.userId,
          at: '2026-01-05T10:08:00.000Z',
          reason: null,
        },
      ]);
    }
  });

  it('does not exist for another user or another doctor', async () => {
    const bob = await world.user('bob');
    const other = (await world.doctor('Dr Other')).actor;
    for (const actor of [bob, other]) {
      await expect(uc.history.execute(actor, { id: booked.id })).rejects.toMatchObject({
        code: 'APPOINTMENT_NOT_FOUND',
      });
    }
    await expect(uc.history.execute(alice, { id: 999 })).rejects.toMatchObject({
      code: 'APPOINTMENT_NOT_FOUND',
    });
  });
});
