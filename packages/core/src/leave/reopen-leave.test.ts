import { beforeEach, describe, expect, it } from 'vitest';
import type { Doctor } from '../doctors/doctor.js';
import type { Actor } from '../identity/user.js';
import type { Slot } from '../scheduling/slot.js';
import { LeaveWorld } from './leave-world.fixture.js';

describe('ReopenLeave, ListLeaves, GetLeave', () => {
  let world: LeaveWorld;
  let uc: ReturnType<LeaveWorld['leaveUseCases']>;
  let dr: { actor: Actor; doctor: Doctor };
  let slot: Slot;
  let alice: Actor;

  beforeEach(async () => {
    world = new LeaveWorld();
    uc = world.leaveUseCases();
    dr = await world.doctor('Dr R');
    slot = await world.slot(dr.doctor.id); // Mondays 10:00 UTC; now is Monday 09:00
    alice = await world.user('alice');
  });

  it('re-opens the dates not started; the appointments it cancelled stay cancelled', async () => {
    const booked = await uc.book.execute(alice, {
      patient_id: (await world.patient(alice)).id,
      slot_id: slot.id,
      date: '2026-01-12',
    });
    const leave = await uc.takeLeave.execute(dr.actor, { from: '2026-01-05', to: '2026-01-19' });
    world.clock.set('2026-01-05T10:30:00.000Z'); // today's sitting has started meanwhile
    world.publisher.clear();
    const reopened = await uc.reopenLeave.execute(dr.actor, { id: leave.id });
    expect(reopened).toMatchObject({ id: leave.id, status: 'reopened', reopened_sittings: 2 });
    expect(reopened.reopened_at).toBe('2026-01-05T10:30:00.000Z');
    expect(await world.sittingsOf(slot.id)).toEqual([
      '2026-01-05:cancelled',
      '2026-01-12:scheduled',
      '2026-01-19:scheduled',
    ]);
    expect(world.publisher.events.map((e) => e.type)).toEqual([
      'sitting.changed',
      'sitting.changed',
    ]);
    expect((await uc.appointment.execute(alice, { id: booked.id })).status).toBe('cancelled');
    // Bookable again.
    const again = await uc.book.execute(alice, {
      patient_id: (await world.patient(alice)).id,
      slot_id: slot.id,
      date: '2026-01-12',
    });
    expect(again.queue_number).toBe(1);
  });

  it('answers LEAVE_REOPENED when re-opened twice, changing nothing', async () => {
    const leave = await uc.takeLeave.execute(dr.actor, { from: '2026-01-12', to: '2026-01-12' });
    await uc.reopenLeave.execute(dr.actor, { id: leave.id });
    await uc.takeLeave.execute(dr.actor, { from: '2026-01-12', to: '2026-01-12' });
    await expect(uc.reopenLeave.execute(dr.actor, { id: leave.id })).rejects.toMatchObject({
      code: 'LEAVE_REOPENED',
    });
    expect(await world.sittingsOf(slot.id)).toEqual(['2026-01-12:cancelled']);
  });

  it('does not re-open a date another active leave covers: that leave takes it', async () => {
    const wide = await uc.takeLeave.execute(dr.actor, { from: '2026-01-05', to: '2026-01-26' });
    const inner = await uc.takeLeave.execute(dr.actor, { from: '2026-01-12', to: '2026-01-19' });
    expect(inner.cancelled_sittings).toBe(0);
    const reopened = await uc.reopenLeave.execute(dr.actor, { id: wide.id });
    expect(reopened.reopened_sittings).toBe(2); // 5 and 26 Jan
    expect(await world.sittingsOf(slot.id)).toEqual([
      '2026-01-05:scheduled',
      '2026-01-12:cancelled',
      '2026-01-19:cancelled',
      '2026-01-26:scheduled',
    ]);
    const held = (await world.uow.read.leaves.listSittings(inner.id)).map((s) => s.date);
    expect(held).toEqual(['2026-01-12', '2026-01-19']);
    expect((await uc.reopenLeave.execute(dr.actor, { id: inner.id })).reopened_sittings).toBe(2);
    expect((await world.sittingsOf(slot.id)).every((s) => s.endsWith(':scheduled'))).toBe(true);
  });

  it('never re-opens a sitting the doctor cancelled one by one', async () => {
    await uc.cancelSitting.execute(dr.actor, { slot_id: slot.id, date: '2026-01-12' });
    const leave = await uc.takeLeave.execute(dr.actor, { from: '2026-01-05', to: '2026-01-19' });
    await uc.reopenLeave.execute(dr.actor, { id: leave.id });
    expect(await world.sittingsOf(slot.id)).toEqual([
      '2026-01-05:scheduled',
      '2026-01-12:cancelled',
      '2026-01-19:scheduled',
    ]);
  });

  it("hides another doctor's leave (LEAVE_NOT_FOUND), refuses non-doctors, lets an admin read it", async () => {
    const leave = await uc.takeLeave.execute(dr.actor, { from: '2026-01-12', to: '2026-01-12' });
    const other = await world.doctor('Dr O');
    const admin = await world.user('root', 'admin');
    for (const run of [
      () => uc.reopenLeave.execute(other.actor, { id: leave.id }),
      () => uc.getLeave.execute(other.actor, { id: leave.id }),
      () => uc.reopenLeave.execute(dr.actor, { id: 999 }),
    ])
      await expect(run()).rejects.toMatchObject({ code: 'LEAVE_NOT_FOUND' });
    await expect(uc.reopenLeave.execute(alice, { id: leave.id })).rejects.toMatchObject({
      code: 'NOT_A_DOCTOR',
    });
    await expect(uc.listLeaves.execute(alice)).rejects.toMatchObject({ code: 'NOT_A_DOCTOR' });
    expect((await uc.getLeave.execute(admin, { id: leave.id })).id).toBe(leave.id);
    expect(await world.sittingsOf(slot.id)).toEqual(['2026-01-12:cancelled']);
  });

  it('lists own leaves newest first, paged, with their counts', async () => {
    const a = await uc.takeLeave.execute(dr.actor, { from: '2026-01-12', to: '2026-01-12' });
    const b = await uc.takeLeave.execute(dr.actor, { from: '2026-02-01', to: '2026-02-28' });
    const c = await uc.takeLeave.execute(dr.actor, { from: '2026-03-01', to: '2026-03-01' });
    await uc.takeLeave.execute((await world.doctor('Dr X')).actor, {
      from: '2026-01-12',
      to: '2026-01-12',
    });
    const page = await uc.listLeaves.execute(dr.actor, { limit: 2 });
    expect(page.total).toBe(3);
    expect(page.items.map((l) => l.id)).toEqual([c.id, b.id]);
    expect(page.items[1]!.cancelled_sittings).toBe(4);
    const rest = await uc.listLeaves.execute(dr.actor, { limit: 2, offset: 2 });
    expect(rest.items.map((l) => l.id)).toEqual([a.id]);
  });
});
