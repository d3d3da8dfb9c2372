import { describe, expect, it } from 'vitest';
import type { Repositories } from '../ports/unit-of-work.js';
import { expectDomainError, newDoctor, newSitting, newSlot } from './contract-support.js';
import type { UnitOfWorkSubject } from './unit-of-work-contract.js';

/** Slots (overlap rule) and sittings (idempotent ensure, status, ended ones). */
export function describeSchedulingContract(subject: () => UnitOfWorkSubject): void {
  const tx = <T>(work: (r: Repositories) => Promise<T>): Promise<T> => subject().uow.transaction(work);

  describe('slots', () => {
    it('creates slots and finds them by id and by doctor', async () => {
      const { doctor } = await tx((r) => newDoctor(r));
      const slot = await tx((r) => newSlot(r, doctor.id, { day: 'tuesday', start: '10:30', durationMinutes: 15, places: 4 }));
      expect(slot).toMatchObject({ doctorId: doctor.id, day: 'tuesday', start: '10:30', durationMinutes: 15, places: 4, fee: 1000, timeZone: 'UTC' });
      expect(await subject().uow.read.slots.findById(slot.id)).toEqual(slot);
      expect(await subject().uow.read.slots.listByDoctor(doctor.id)).toEqual([slot]);
      expect(await subject().uow.read.slots.findById(2_000_000_000)).toBeUndefined();
    });

    it('refuses an overlapping slot of the same doctor on the same weekday with SLOT_OVERLAP', async () => {
      const { doctor } = await tx((r) => newDoctor(r));
      const other = await tx((r) => newDoctor(r));
      await tx((r) => newSlot(r, doctor.id, { day: 'monday', start: '10:00', durationMinutes: 10, places: 6 })); // 10:00–11:00
      await expectDomainError(tx((r) => newSlot(r, doctor.id, { day: 'monday', start: '10:50', durationMinutes: 5, places: 1 })), 'SLOT_OVERLAP');
      await expectDomainError(tx((r) => newSlot(r, doctor.id, { day: 'monday', start: '09:00', durationMinutes: 30, places: 3 })), 'SLOT_OVERLAP');
      await expectDomainError(tx((r) => newSlot(r, doctor.id, { day: 'monday', start: '10:10', durationMinutes: 5, places: 2 })), 'SLOT_OVERLAP');
      // Touching ends, another weekday and another doctor are all fine.
      await tx((r) => newSlot(r, doctor.id, { day: 'monday', start: '11:00', durationMinutes: 10, places: 1 }));
      await tx((r) => newSlot(r, doctor.id, { day: 'monday', start: '09:00', durationMinutes: 20, places: 3 }));
      await tx((r) => newSlot(r, doctor.id, { day: 'tuesday', start: '10:00' }));
      await tx((r) => newSlot(r, other.doctor.id, { day: 'monday', start: '10:00' }));
      expect((await subject().uow.read.slots.listByDoctor(doctor.id)).map((s) => `${s.day} ${s.start}`))
        .toEqual(['monday 09:00', 'monday 10:00', 'monday 11:00', 'tuesday 10:00']);
    });

    it('lists slots after an id, ascending, at most limit', async () => {
      const { doctor } = await tx((r) => newDoctor(r));
      const slots = await tx(async (r) => [
        await newSlot(r, doctor.id, { day: 'wednesday' }), await newSlot(r, doctor.id, { day: 'thursday' }),
        await newSlot(r, doctor.id, { day: 'friday' }),
      ]);
      expect(await subject().uow.read.slots.listAfter(slots[0]!.id, 2)).toEqual(slots.slice(1));
    });
  });

  describe('sittings', () => {
    it('ensures a sitting once per slot and date, scheduled with nothing booked', async () => {
      const { doctor } = await tx((r) => newDoctor(r));
      const slot = await tx((r) => newSlot(r, doctor.id, { start: '10:30', durationMinutes: 10, places: 5 }));
      const first = await tx((r) => newSitting(r, slot, '2026-01-12'));
      expect(first).toMatchObject({ slotId: slot.id, doctorId: doctor.id, date: '2026-01-12', status: 'scheduled', booked: 0, places: 5, durationMinutes: 10 });
      expect(first.startsAt.toISOString()).toBe('2026-01-12T10:30:00.000Z');
      expect(first.endsAt.toISOString()).toBe('2026-01-12T11:20:00.000Z');
      expect(await tx((r) => newSitting(r, slot, '2026-01-12'))).toEqual(first);
      const concurrent = await Promise.all(Array.from({ length: 8 }, () => tx((r) => newSitting(r, slot, '2026-01-19'))));
      expect(new Set(concurrent.map((s) => s.id)).size).toBe(1);
      expect(await subject().uow.read.sittings.findById(first.id)).toEqual(first);
      expect(await subject().uow.read.sittings.findBySlotAndDate(slot.id, '2026-01-12')).toEqual(first);
      expect(await subject().uow.read.sittings.findBySlotAndDate(slot.id, '2026-01-26')).toBeUndefined();
      expect(await subject().uow.read.sittings.findById(2_000_000_000)).toBeUndefined();
    });

    it('lists a slot\'s sittings in a date range, by date', async () => {
      const { doctor } = await tx((r) => newDoctor(r));
      const slot = await tx((r) => newSlot(r, doctor.id));
      for (const date of ['2026-02-16', '2026-02-02', '2026-02-23', '2026-02-09']) await tx((r) => newSitting(r, slot, date));
      const listed = await subject().uow.read.sittings.listBySlot(slot.id, '2026-02-09', '2026-02-23');
      expect(listed.map((s) => s.date)).toEqual(['2026-02-09', '2026-02-16', '2026-02-23']);
    });

    it('changes the status of scheduled sittings only', async () => {
      const { doctor } = await tx((r) => newDoctor(r));
      const slot = await tx((r) => newSlot(r, doctor.id));
      const [a, b] = await tx(async (r) => [await newSitting(r, slot, '2026-03-02'), await newSitting(r, slot, '2026-03-09')]);
      expect(await tx((r) => r.sittings.setStatus(a.id, 'cancelled'))).toBe(true);
      expect(await tx((r) => r.sittings.setStatus(a.id, 'completed'))).toBe(false);
      expect(await tx((r) => r.sittings.setStatus(b.id, 'completed'))).toBe(true);
      expect(await tx((r) => r.sittings.setStatus(b.id, 'cancelled'))).toBe(false);
      expect(await subject().uow.read.sittings.findById(a.id)).toMatchObject({ status: 'cancelled' });
      expect(await subject().uow.read.sittings.findById(b.id)).toMatchObject({ status: 'completed' });
    });

    it('lists scheduled sittings that ended at or before now, oldest first, at most limit', async () => {
      // 1971 dates: older than anything else the suite writes, so the oldest-first list is ours.
      const { doctor } = await tx((r) => newDoctor(r));
      const slot = await tx((r) => newSlot(r, doctor.id, { start: '10:00', durationMinutes: 10, places: 6 }));
      const sittings = await tx(async (r) => {
        const list = [];
        for (const date of ['1971-01-18', '1971-01-04', '1971-01-11', '1971-01-25']) list.push(await newSitting(r, slot, date));
        return list;
      });
      await tx((r) => r.sittings.setStatus(sittings[2]!.id, 'cancelled')); // 1971-01-11
      const now = new Date('1971-01-18T11:00:00.000Z'); // exactly when the 01-18 sitting ends
      const ended = await subject().uow.read.sittings.listEnded(now, 10);
      expect(ended.map((s) => s.date)).toEqual(['1971-01-04', '1971-01-18']);
      expect((await subject().uow.read.sittings.listEnded(now, 1)).map((s) => s.date)).toEqual(['1971-01-04']);
    });
  });
}
