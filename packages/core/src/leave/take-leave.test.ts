import { beforeEach, describe, expect, it } from 'vitest';
import type { Doctor } from '../doctors/doctor.js';
import type { Actor } from '../identity/user.js';
import type { Slot } from '../scheduling/slot.js';
import { LeaveWorld } from './leave-world.fixture.js';
import { JoinWaitlist } from '../waitlist/join-waitlist.js';

describe('TakeLeave', () => {
  let world: LeaveWorld;
  let uc: ReturnType<LeaveWorld['leaveUseCases']>;
  let dr: { actor: Actor; doctor: Doctor };
  let slot: Slot;
  let alice: Actor;

  beforeEach(async () => {
    world = new LeaveWorld();
    uc = world.leaveUseCases();
    dr = await world.doctor('Dr L');
    slot = await world.slot(dr.doctor.id); // Mondays 10:00 UTC; now is Monday 09:00
    alice = await world.user('alice');
  });

  const book = async (date?: string) =>
    uc.book.execute(alice, {
      patient_id: (await world.patient(alice)).id,
      slot_id: slot.id,
      ...(date === undefined ? {} : { date }),
    });

  it('cancels stored sittings with their appointments and records the dates not stored yet', async () => {
    const today = await book();
    const next = await book('2026-01-12');
    await uc.checkIn.execute(dr.actor, { id: today.id });
    world.publisher.clear();
    const leave = await uc.takeLeave.execute(dr.actor, {
      from: '2026-01-05',
      to: '2026-02-15',
      reason: 'conference',
    });
    expect(leave).toMatchObject({
      doctor_id: dr.doctor.id,
      from: '2026-01-05',
      to: '2026-02-15',
      reason: 'conference',
      status: 'active',
      reopened_at: null,
      cancelled_sittings: 6, // Mondays 5, 12, 19, 26 Jan, 2, 9 Feb
      cancelled_appointments: 2,
    });
    expect(await world.sittingsOf(slot.id)).toEqual(
      ['01-05', '01-12', '01-19', '01-26', '02-02', '02-09'].map((d) => `2026-${d}:cancelled`),
    );
    for (const id of [today.id, next.id]) {
      const seen = await uc.history.execute(alice, { id });
      expect(seen.appointment.status).toBe('cancelled');
      expect(seen.history.at(-1)).toMatchObject({
        actor_id: dr.actor.userId,
        reason: 'conference',
      });
    }
    const types = world.publisher.events.map((e) => e.type);
    expect(types.filter((t) => t === 'sitting.changed')).toHaveLength(6);
    expect(types.filter((t) => t === 'appointment.changed')).toHaveLength(2);
    const stored = await world.uow.read.sittings.findBySlotAndDate(slot.id, '2026-01-05');
    expect(stored).toMatchObject({ booked: 0, status: 'cancelled' });
  });

  it('expires the waitlist of a full sitting it cancels', async () => {
    const full = await world.slot(dr.doctor.id, { day: 'tuesday', places: 1 });
    const bob = await world.user('bob');
    await uc.book.execute(alice, {
      patient_id: (await world.patient(alice)).id,
      slot_id: full.id,
      date: '2026-01-13',
    });
    const join = new JoinWaitlist(world.uow, world.publisher, world.clock, world.policy);
    await join.execute(bob, {
      patient_id: (await world.patient(bob)).id,
      slot_id: full.id,
      date: '2026-01-13',
    });
    const sitting = await world.uow.read.sittings.findBySlotAndDate(full.id, '2026-01-13');
    expect(await world.uow.read.waitlist.waiting(sitting!.id)).toHaveLength(1);
    const leave = await uc.takeLeave.execute(dr.actor, { from: '2026-01-13', to: '2026-01-13' });
    expect(leave).toMatchObject({ cancelled_sittings: 1, cancelled_appointments: 1 });
    expect(await world.uow.read.waitlist.waiting(sitting!.id)).toEqual([]);
  });

  it('makes bookings on leave dates answer SITTING_CANCELLED and moves the next sitting on', async () => {
    await uc.takeLeave.execute(dr.actor, { from: '2026-01-05', to: '2026-01-18' });
    await expect(book('2026-01-12')).rejects.toMatchObject({ code: 'SITTING_CANCELLED' });
    const next = await book();
    expect(next.date).toBe('2026-01-19');
    expect((await uc.timings.execute({ id: dr.doctor.id }))[0]!.occurring_date).toBe('2026-01-19');
  });

  it('skips a started sitting and leaves it running', async () => {
    world.clock.set('2026-01-05T10:05:00.000Z');
    const leave = await uc.takeLeave.execute(dr.actor, { from: '2026-01-05', to: '2026-01-12' });
    expect(leave.cancelled_sittings).toBe(1);
    expect(await world.sittingsOf(slot.id)).toEqual(['2026-01-12:cancelled']);
  });

  it('lets leaves overlap: a date already cancelled keeps its first cause', async () => {
    await uc.cancelSitting.execute(dr.actor, { slot_id: slot.id, date: '2026-01-12' });
    const first = await uc.takeLeave.execute(dr.actor, { from: '2026-01-18', to: '2026-01-27' });
    const second = await uc.takeLeave.execute(dr.actor, { from: '2026-01-10', to: '2026-02-03' });
    expect(first.cancelled_sittings).toBe(2); // 19, 26
    expect(second.cancelled_sittings).toBe(1); // 2 Feb; 12 Jan was cancelled one by one
    const held = async (id: number) =>
      (await world.uow.read.leaves.listSittings(id)).map((s) => s.date);
    expect(await held(first.id)).toEqual(['2026-01-19', '2026-01-26']);
    expect(await held(second.id)).toEqual(['2026-02-02']);
  });

  it('gives a slot added during a leave its leave dates, cancelled in the same transaction', async () => {
    const leave = await uc.takeLeave.execute(dr.actor, { from: '2026-01-05', to: '2026-01-20' });
    world.publisher.clear();
    const added = await uc.addSlot.execute(dr.actor, {
      day: 'tuesday',
      start: '09:00',
      appointment_duration: 15,
      num_slots: 4,
      consultation_fee: 10,
    });
    expect(await world.sittingsOf(added.id)).toEqual([
      '2026-01-06:cancelled',
      '2026-01-13:cancelled',
      '2026-01-20:cancelled',
    ]);
    expect((await uc.getLeave.execute(dr.actor, { id: leave.id })).cancelled_sittings).toBe(6);
    expect(world.publisher.events.map((e) => e.type)).toEqual([
      'doctor.changed',
      'sitting.changed',
      'sitting.changed',
      'sitting.changed',
    ]);
  });

  it('refuses bad input with VALIDATION_FAILED, changing nothing', async () => {
    const bad = [
      { from: '2026-01-12', to: '2026-01-11' },
      { from: '2026-01-01', to: '2027-01-02' }, // 367 days
      { from: '2026-02-30', to: '2026-03-01' },
      { from: '2026-01-05' },
      { from: '2026-01-05', to: '2026-01-06', reason: 'x'.repeat(501) },
      { from: '2026-01-05', to: '2026-01-06', extra: 1 },
    ];
    for (const input of bad) {
      await expect(uc.takeLeave.execute(dr.actor, input as never)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
    }
    expect(
      await world.uow.read.leaves.listByDoctor(dr.doctor.id, { limit: 10, offset: 0 }),
    ).toEqual({
      items: [],
      total: 0,
    });
    expect(await world.sittingsOf(slot.id)).toEqual([]);
  });

  it('accepts exactly 366 days, and refuses a caller without a doctor profile', async () => {
    const leave = await uc.takeLeave.execute(dr.actor, { from: '2026-01-05', to: '2027-01-05' });
    expect(leave.cancelled_sittings).toBe(53);
    await expect(
      uc.takeLeave.execute(alice, { from: '2026-01-05', to: '2026-01-06' }),
    ).rejects.toMatchObject({ code: 'NOT_A_DOCTOR' });
  });
});
