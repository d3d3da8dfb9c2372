import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../identity/user.js';
import type { Slot } from '../scheduling/slot.js';
import { BookingWorld } from './booking-fixture.js';

describe('ListMyAppointments', () => {
  let world: BookingWorld;
  let uc: ReturnType<BookingWorld['useCases']>;
  let alice: Actor;
  let bob: Actor;
  let slot: Slot;

  beforeEach(async () => {
    world = new BookingWorld();
    uc = world.useCases();
    slot = await world.slot((await world.doctor()).doctor.id);
    alice = await world.user('alice');
    bob = await world.user('bob');
  });

  it("lists only the caller's appointments, newest sitting first, paged", async () => {
    const pat = await world.patient(alice, 'Pat');
    await uc.book.execute(alice, { patient_id: pat.id, slot_id: slot.id });
    await uc.book.execute(alice, { patient_id: pat.id, slot_id: slot.id, date: '2026-01-19' });
    await uc.book.execute(bob, {
      patient_id: (await world.patient(bob, 'Bo')).id,
      slot_id: slot.id,
    });
    const page = await uc.myAppointments.execute(alice, { limit: 1, offset: 0 });
    expect(page.total).toBe(2);
    expect(page.items.map((a) => [a.patient_name, a.date])).toEqual([['Pat', '2026-01-19']]);
    const rest = await uc.myAppointments.execute(alice, { limit: '5', offset: '1' });
    expect(rest.items.map((a) => a.date)).toEqual(['2026-01-05']);
    expect((await uc.myAppointments.execute(bob)).items.map((a) => a.patient_name)).toEqual(['Bo']);
  });

  it('is empty for a user without appointments, and refuses a bad page', async () => {
    expect(await uc.myAppointments.execute(alice)).toEqual({ items: [], total: 0 });
    await expect(uc.myAppointments.execute(alice, { limit: 0 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('is cached per user and invalidated by the user tag', async () => {
    const pat = await world.patient(alice, 'Pat');
    expect((await uc.myAppointments.execute(alice)).total).toBe(0);
    await uc.book.execute(alice, { patient_id: pat.id, slot_id: slot.id });
    expect((await uc.myAppointments.execute(alice)).total).toBe(0);
    await world.cache.invalidateTags([`user:${alice.userId}`]);
    expect((await uc.myAppointments.execute(alice)).total).toBe(1);
    expect((await uc.myAppointments.execute(bob)).total).toBe(0);
  });
});
