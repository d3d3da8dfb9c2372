import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../identity/user.js';
import type { AppointmentView } from './appointment-view.js';
import { BookingWorld } from './booking-fixture.js';

describe('CheckInAppointment, CompleteAppointment, MarkNoShow', () => {
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
    world.clock.set('2026-01-05T10:02:00.000Z');
    world.publisher.clear();
  });

  it('checks in then completes, recording the doctor and the time', async () => {
    expect((await uc.checkIn.execute(doctor, { id: booked.id })).status).toBe('checked_in');
    world.clock.advance(60);
    expect((await uc.complete.execute(doctor, { id: booked.id })).status).toBe('completed');
    expect(world.publisher.events.map((e) => e.type)).toEqual([
      'appointment.changed',
      'appointment.changed',
    ]);
    const { history } = await uc.history.execute(doctor, { id: booked.id });
    expect(history.slice(1)).toEqual([
      {
        status: 'checked_in',
        actor_id: doctor.userId,
        at: '2026-01-05T10:02:00.000Z',
        reason: null,
      },
      {
        status: 'completed',
        actor_id: doctor.userId,
        at: '2026-01-05T10:03:00.000Z',
        reason: null,
      },
    ]);
  });

  it('marks a booked or checked-in appointment no-show', async () => {
    expect((await uc.noShow.execute(doctor, { id: booked.id })).status).toBe('no_show');
  });

  it('refuses transitions the rules do not allow', async () => {
    await uc.noShow.execute(doctor, { id: booked.id });
    for (const step of [uc.checkIn, uc.complete, uc.noShow]) {
      await expect(step.execute(doctor, { id: booked.id })).rejects.toMatchObject({
        code: 'INVALID_STATUS_TRANSITION',
      });
    }
  });

  it('refuses a cancelled appointment', async () => {
    // The sitting runs (10:02): past number 1's planned time only its doctor may cancel it.
    await uc.cancel.execute(doctor, { id: booked.id });
    await expect(uc.checkIn.execute(doctor, { id: booked.id })).rejects.toMatchObject({
      code: 'INVALID_STATUS_TRANSITION',
    });
  });

  it('lets only the doctor of the sitting: the owner is forbidden, anyone else sees nothing', async () => {
    const bob = await world.user('bob');
    const other = (await world.doctor('Dr Other')).actor;
    for (const step of [uc.checkIn, uc.complete, uc.noShow]) {
      await expect(step.execute(alice, { id: booked.id })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(step.execute(bob, { id: booked.id })).rejects.toMatchObject({
        code: 'APPOINTMENT_NOT_FOUND',
      });
      await expect(step.execute(other, { id: booked.id })).rejects.toMatchObject({
        code: 'APPOINTMENT_NOT_FOUND',
      });
      await expect(step.execute(doctor, { id: 999 })).rejects.toMatchObject({
        code: 'APPOINTMENT_NOT_FOUND',
      });
    }
    expect(world.publisher.events).toEqual([]);
  });
});
