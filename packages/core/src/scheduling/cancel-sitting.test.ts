import { beforeEach, describe, expect, it } from 'vitest';
import type { Doctor } from '../doctors/doctor.js';
import type { Actor } from '../identity/user.js';
import type { Slot } from './slot.js';
import { BookingWorld } from '../booking/booking-fixture.js';

describe('CancelSitting', () => {
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

  it('cancels the sitting and its booked and checked-in appointments; the next sitting moves on', async () => {
    const a = await uc.book.execute(alice, {
      patient_id: (await world.patient(alice, 'A')).id,
      slot_id: slot.id,
    });
    const b = await uc.book.execute(alice, {
      patient_id: (await world.patient(alice, 'B')).id,
      slot_id: slot.id,
    });
    await uc.checkIn.execute(drC.actor, { id: b.id });
    world.publisher.clear();
    const result = await uc.cancelSitting.execute(drC.actor, {
      slot_id: slot.id,
      date: '2026-01-05',
      reason: 'holiday',
    });
    expect(result).toMatchObject({
      slot_id: slot.id,
      date: '2026-01-05',
      status: 'cancelled',
      cancelled_appointments: 2,
    });
    expect(world.publisher.events.map((e) => e.type).sort()).toEqual([
      'appointment.changed',
      'appointment.changed',
      'sitting.changed',
    ]);
    for (const id of [a.id, b.id]) {
      const seen = await uc.history.execute(alice, { id });
      expect(seen.appointment.status).toBe('cancelled');
      expect(seen.history.at(-1)).toMatchObject({ actor_id: drC.actor.userId, reason: 'holiday' });
    }
    expect((await uc.timings.execute({ id: drC.doctor.id }))[0]!.occurring_date).toBe('2026-01-12');
  });

  it('cancels a future sitting nobody booked yet, and again is a no-op', async () => {
    const first = await uc.cancelSitting.execute(drC.actor, {
      slot_id: slot.id,
      date: '2026-03-02',
    });
    expect(first.cancelled_appointments).toBe(0);
    world.publisher.clear();
    expect(
      await uc.cancelSitting.execute(drC.actor, { slot_id: slot.id, date: '2026-03-02' }),
    ).toEqual(first);
    expect(world.publisher.events).toEqual([]);
  });

  it("refuses another doctor's slot, a non-doctor, a wrong weekday and a started or ended sitting", async () => {
    const drD = await world.doctor('Dr D');
    await expect(
      uc.cancelSitting.execute(drD.actor, { slot_id: slot.id, date: '2026-01-12' }),
    ).rejects.toMatchObject({ code: 'SLOT_NOT_FOUND' });
    await expect(
      uc.cancelSitting.execute(alice, { slot_id: slot.id, date: '2026-01-12' }),
    ).rejects.toMatchObject({ code: 'NOT_A_DOCTOR' });
    await expect(
      uc.cancelSitting.execute(drC.actor, { slot_id: slot.id, date: '2026-01-13' }),
    ).rejects.toMatchObject({ code: 'NOT_A_SITTING_DATE' });
    world.clock.set('2026-01-05T10:00:00.000Z');
    await expect(
      uc.cancelSitting.execute(drC.actor, { slot_id: slot.id, date: '2026-01-05' }),
    ).rejects.toMatchObject({ code: 'SITTING_CLOSED' });
    await expect(
      uc.cancelSitting.execute(drC.actor, { slot_id: slot.id, date: '2025-12-29' }),
    ).rejects.toMatchObject({ code: 'SITTING_PAST' });
    await expect(
      uc.cancelSitting.execute(drC.actor, { slot_id: slot.id } as never),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
