import { beforeEach, describe, expect, it } from 'vitest';
import type { Doctor } from '../doctors/doctor.js';
import type { Actor } from '../identity/user.js';
import type { Slot } from '../scheduling/slot.js';
import { BookingWorld } from './booking-fixture.js';

describe('GetSittingQueue', () => {
  let world: BookingWorld;
  let uc: ReturnType<BookingWorld['useCases']>;
  let drC: { actor: Actor; doctor: Doctor };
  let slot: Slot;
  let alice: Actor;

  beforeEach(async () => {
    world = new BookingWorld();
    uc = world.useCases();
    drC = await world.doctor('Dr C');
    slot = await world.slot(drC.doctor.id);
    alice = await world.user('alice');
  });

  it("lists the next sitting's appointments by queue number, cancelled ones included", async () => {
    const [a, b, c] = await Promise.all(['A', 'B', 'C'].map((n) => world.patient(alice, n)));
    await uc.book.execute(alice, { patient_id: a!.id, slot_id: slot.id });
    const second = await uc.book.execute(alice, { patient_id: b!.id, slot_id: slot.id });
    await uc.cancel.execute(alice, { id: second.id });
    await uc.book.execute(alice, { patient_id: c!.id, slot_id: slot.id });
    const queue = await uc.queue.execute(drC.actor, { slot_id: slot.id });
    expect(queue).toMatchObject({
      slot_id: slot.id,
      date: '2026-01-05',
      status: 'scheduled',
      places: 3,
      booked: 2,
      starts_at: '2026-01-05T10:00:00.000Z',
      ends_at: '2026-01-05T10:30:00.000Z',
    });
    expect(queue.appointments.map((x) => [x.queue_number, x.patient_name, x.status])).toEqual([
      [1, 'A', 'booked'],
      [2, 'B', 'cancelled'],
      [2, 'C', 'booked'],
    ]);
  });

  it('without a date shows the sitting running now, then the next one once it ended', async () => {
    await uc.book.execute(alice, { patient_id: (await world.patient(alice)).id, slot_id: slot.id });
    world.clock.set('2026-01-05T10:15:00.000Z');
    expect((await uc.queue.execute(drC.actor, { slot_id: slot.id })).appointments).toHaveLength(1);
    world.clock.set('2026-01-05T10:30:00.000Z');
    const next = await uc.queue.execute(drC.actor, { slot_id: slot.id });
    expect(next).toMatchObject({
      date: '2026-01-12',
      sitting_id: null,
      booked: 0,
      appointments: [],
    });
  });

  it('shows a given date, past ones included, and skips a cancelled sitting by default', async () => {
    await uc.cancelSitting.execute(drC.actor, { slot_id: slot.id, date: '2026-01-05' });
    expect((await uc.queue.execute(drC.actor, { slot_id: slot.id })).date).toBe('2026-01-12');
    expect(
      await uc.queue.execute(drC.actor, { slot_id: slot.id, date: '2026-01-05' }),
    ).toMatchObject({ status: 'cancelled' });
    world.clock.set('2026-03-01T00:00:00.000Z');
    expect((await uc.queue.execute(drC.actor, { slot_id: slot.id, date: '2026-01-05' })).date).toBe(
      '2026-01-05',
    );
  });

  it("refuses another doctor's slot, a non-doctor and a date off the slot's weekday", async () => {
    const drD = await world.doctor('Dr D');
    await expect(uc.queue.execute(drD.actor, { slot_id: slot.id })).rejects.toMatchObject({
      code: 'SLOT_NOT_FOUND',
    });
    await expect(uc.queue.execute(drC.actor, { slot_id: 999 })).rejects.toMatchObject({
      code: 'SLOT_NOT_FOUND',
    });
    await expect(uc.queue.execute(alice, { slot_id: slot.id })).rejects.toMatchObject({
      code: 'NOT_A_DOCTOR',
    });
    await expect(
      uc.queue.execute(drC.actor, { slot_id: slot.id, date: '2026-01-06' }),
    ).rejects.toMatchObject({ code: 'NOT_A_SITTING_DATE' });
  });

  it("shows an admin any slot's queue, as an admin reads every appointment", async () => {
    const admin = await world.user('admin', 'admin');
    await expect(uc.queue.execute(admin, { slot_id: slot.id })).resolves.toMatchObject({
      slot_id: slot.id,
    });
  });

  it('answers an admin SLOT_NOT_FOUND for a slot that does not exist', async () => {
    const admin = await world.user('admin', 'admin');
    await expect(uc.queue.execute(admin, { slot_id: 999 })).rejects.toMatchObject({
      code: 'SLOT_NOT_FOUND',
    });
  });

  it('has no sitting to show when every one within the horizon is cancelled', async () => {
    for (const date of ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02']) {
      await uc.cancelSitting.execute(drC.actor, { slot_id: slot.id, date });
    }
    await expect(uc.queue.execute(drC.actor, { slot_id: slot.id })).rejects.toMatchObject({
      code: 'SITTING_NOT_FOUND',
    });
  });
});
