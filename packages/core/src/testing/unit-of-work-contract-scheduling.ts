import { describe, expect, it } from 'vitest';
import type { Repositories } from '../shared/unit-of-work.js';
import { expectDomainError, newDoctor, newSitting, newSlot } from './contract-support.js';
import type { UnitOfWorkSubject } from './unit-of-work-contract.js';

/** Slots (overlap rule) and sittings (idempotent ensure, status, ended ones). */
export function describeSchedulingContract(subject: () => UnitOfWorkSubject): void {
  const tx = <T>(work: (r: Repositories) => Promise<T>): Promise<T> =>
    subject().uow.transaction(work);

  describe('slots', () => {
    it('creates slots and finds them by id and by doctor', async () => {
      const { doctor } = await tx((r) => newDoctor(r));
      const slot = await tx((r) =>
        newSlot(r, doctor.id, { day: 'tuesday', start: '10:30', durationMinutes: 15, places: 4 }),
      );
      expect(slot).toMatchObject({
        doctorId: doctor.id,
        day: 'tuesday',
        start: '10:30',
        durationMinutes: 15,
        places: 4,
        fee: 1000,
        timeZone: 'UTC',
      });
      expect(await subject().uow.read.slots.findById(slot.id)).toEqual(slot);
      expect(await subject().uow.read.slots.listByDoctor(doctor.id)).toEqual([slot]);
      expect(await subject().uow.read.slots.findById(2_000_000_000)).toBeUndefined();
    });

    it('refuses an overlapping slot of the same doctor on the same weekday with SLOT_OVERLAP', async () => {
      const { doctor } = await tx((r) => newDoctor(r));
      const other = await tx((r) => newDoctor(r));
      await tx((r) =>
        newSlot(r, doctor.id, { day: 'monday', start: '10:00', durationMinutes: 10, places: 6 }),
      ); // 10:00–11:00
      await expectDomainError(
        tx((r) =>
          newSlot(r, doctor.id, { day: 'monday', start: '10:50', durationMinutes: 5, places: 1 }),
        ),
        'SLOT_OVERLAP',
      );
      await expectDomainError(
        tx((r) =>
          newSlot(r, doctor.id, { day: 'monday', start: '09:00', durationMinutes: 30, places: 3 }),
        ),
        'SLOT_OVERLAP',
      );
      await expectDomainError(
        tx((r) =>
          newSlot(r, doctor.id, { day: 'monday', start: '10:10', durationMinutes: 5, places: 2 }),
        ),
        'SLOT_OVERLAP',
      );
      // Touching ends, another weekday and another doctor are all fine.
      await tx((r) =>
        newSlot(r, doctor.id, { day: 'monday', start: '11:00', durationMinutes: 10, places: 1 }),
      );
      await tx((r) =>
        newSlot(r, doctor.id, { day: 'monday', start: '09:00', durationMinutes: 20, places: 3 }),
      );
      await tx((r) => newSlot(r, doctor.id, { day: 'tuesday', start: '10:00' }));
      await tx((r) => newSlot(r, other.doctor.id, { day: 'monday', start: '10:00' }));
      expect(
        (await subject().uow.read.slots.listByDoctor(doctor.id)).map((s) => `${s.day} ${s.start}`),
      ).toEqual(['monday 09:00', 'monday 10:00', 'monday 11:00', 'tuesday 10:00']);
    });

    it('lists slots after an id, ascending, at most limit', async () => {
      const { doctor } = await tx((r) => newDoctor(r));
      const slots = await tx(async (r) => [
        await newSlot(r, doctor.id, { day: 'wednesday' }),
        await newSlot(r, doctor.id, { day: 'thursday' }),
        await newSlot(r, doctor.id, { day: 'friday' }),
      ]);
      expect(await subject().uow.read.slots.listAfter(slots[0]!.id, 2)).toEqual(slots.slice(1));
    });
  });

  describe('sittings', () => {
    it('ensures a sitting once per slot and date, scheduled with nothing booked', async () => {
      const { doctor } = await tx((r) => newDoctor(r));
      const slot = await tx((r) =>
        newSlot(r, doctor.id, { start: '10:30', durationMinutes: 10, places: 5 }),
      );
      const first = await tx((r) => newSitting(r, slot, '2026-01-12'));
      expect(first).toMatchObject({
        slotId: slot.id,
        doctorId: doctor.id,
        date: '2026-01-12',
        status: 'scheduled',
        booked: 0,
        places: 5,
        durationMinutes: 10,
      });
      expect(first.startsAt.toISOString()).toBe('2026-01-12T10:30:00.000Z');
      expect(first.endsAt.toISOString()).toBe('2026-01-12T11:20:00.000Z');
      expect(await tx((r) => newSitting(r, slot, '2026-01-12'))).toEqual(first);
      const concurrent = await Promise.all(
        Array.from({ length: 8 }, () => tx((r) => newSitting(r, slot, '2026-01-19'))),
      );
      expect(new Set(concurrent.map((s) => s.id)).size).toBe(1);
      expect(await subject().uow.read.sittings.findById(first.id)).toEqual(first);
      expect(await subject().uow.read.sittings.findBySlotAndDate(slot.id, '2026-01-12')).toEqual(
        first,
      );
      expect(
        await subject().uow.read.sittings.findBySlotAndDate(slot.id, '2026-01-26'),
      ).toBeUndefined();
      expect(await subject().uow.read.sittings.findById(2_000_000_000)).toBeUndefined();
    });

    it('creates the missing ones of many sittings in one call, returning only those it created', async () => {
      const { doctor } = await tx((r) => newDoctor(r));
      const [a, b] = await tx(async (r) => [
        await newSlot(r, doctor.id, { day: 'monday' }),
        await newSlot(r, doctor.id, { day: 'tuesday' }),
      ]);
      const existing = await tx((r) => newSitting(r, a, '2026-04-06'));
      const at = (slot: typeof a, date: string) => ({
        slotId: slot.id,
        doctorId: doctor.id,
        date,
        startsAt: new Date(`${date}T10:00:00.000Z`),
        endsAt: new Date(`${date}T11:40:00.000Z`),
        places: 10,
        durationMinutes: 10,
      });
      const wanted = [
        at(b, '2026-04-14'),
        at(a, '2026-04-13'),
        at(a, '2026-04-06'),
        at(b, '2026-04-07'),
      ];
      const created = await tx((r) => r.sittings.createMissing(wanted));
      expect(
        created.map((s) => `${s.slotId === a.id ? 'a' : 'b'} ${s.date} ${s.status} ${s.booked}`),
      ).toEqual([
        'a 2026-04-13 scheduled 0',
        'b 2026-04-07 scheduled 0',
        'b 2026-04-14 scheduled 0',
      ]);
      expect(created[0]).toEqual(
        await subject().uow.read.sittings.findBySlotAndDate(a.id, '2026-04-13'),
      );
      expect(await subject().uow.read.sittings.findBySlotAndDate(a.id, '2026-04-06')).toEqual(
        existing,
      );
      expect(await tx((r) => r.sittings.createMissing(wanted))).toEqual([]);
      expect(await tx((r) => r.sittings.createMissing([]))).toEqual([]);
      const more = [at(a, '2026-04-20'), at(b, '2026-04-21')];
      const concurrent = await Promise.all(
        Array.from({ length: 6 }, () => tx((r) => r.sittings.createMissing(more))),
      );
      expect(concurrent.flat()).toHaveLength(2);
    });

    it("lists a slot's sittings in a date range, by date", async () => {
      const { doctor } = await tx((r) => newDoctor(r));
      const slot = await tx((r) => newSlot(r, doctor.id));
      for (const date of ['2026-02-16', '2026-02-02', '2026-02-23', '2026-02-09'])
        await tx((r) => newSitting(r, slot, date));
      const listed = await subject().uow.read.sittings.listBySlot(
        slot.id,
        '2026-02-09',
        '2026-02-23',
      );
      expect(listed.map((s) => s.date)).toEqual(['2026-02-09', '2026-02-16', '2026-02-23']);
    });

    it('lists the sittings of several slots in a date range, by slot then date, in one read', async () => {
      const { doctor } = await tx((r) => newDoctor(r));
      const [a, b, c] = await tx(async (r) => [
        await newSlot(r, doctor.id, { day: 'monday' }),
        await newSlot(r, doctor.id, { day: 'tuesday' }),
        await newSlot(r, doctor.id, { day: 'wednesday' }),
      ]);
      for (const [slot, date] of [
        [b, '2026-02-10'],
        [a, '2026-02-16'],
        [a, '2026-02-02'],
        [b, '2026-02-24'],
        [a, '2026-02-09'],
        [c, '2026-02-11'],
      ] as const) {
        await tx((r) => newSitting(r, slot, date));
      }
      const listed = await subject().uow.read.sittings.listBySlots(
        [b.id, a.id, 2_000_000_000],
        '2026-02-09',
        '2026-02-24',
      );
      expect(listed.map((s) => `${s.slotId === a.id ? 'a' : 'b'} ${s.date}`)).toEqual([
        'a 2026-02-09',
        'a 2026-02-16',
        'b 2026-02-10',
        'b 2026-02-24',
      ]);
      expect(listed[0]).toEqual(
        await subject().uow.read.sittings.findBySlotAndDate(a.id, '2026-02-09'),
      );
      expect(await subject().uow.read.sittings.listBySlots([], '2026-01-01', '2026-12-31')).toEqual(
        [],
      );
      // Inside a transaction too, where the worker reads again before it writes.
      expect(
        await tx((r) => r.sittings.listBySlots([c.id], '2026-02-11', '2026-02-11')),
      ).toHaveLength(1);
    });

    it('changes the status of scheduled sittings only', async () => {
      const { doctor } = await tx((r) => newDoctor(r));
      const slot = await tx((r) => newSlot(r, doctor.id));
      const [a, b] = await tx(async (r) => [
        await newSitting(r, slot, '2026-03-02'),
        await newSitting(r, slot, '2026-03-09'),
      ]);
      expect(await tx((r) => r.sittings.setStatus(a.id, 'cancelled', ['scheduled']))).toBe(true);
      expect(await tx((r) => r.sittings.setStatus(a.id, 'completed', ['scheduled']))).toBe(false);
      expect(await tx((r) => r.sittings.setStatus(b.id, 'completed', ['scheduled']))).toBe(true);
      expect(await tx((r) => r.sittings.setStatus(b.id, 'cancelled', ['scheduled']))).toBe(false);
      expect(await subject().uow.read.sittings.findById(a.id)).toMatchObject({
        status: 'cancelled',
      });
      expect(await subject().uow.read.sittings.findById(b.id)).toMatchObject({
        status: 'completed',
      });
    });

    it('lists scheduled sittings that ended at or before now, oldest first, at most limit', async () => {
      // 1971 dates: older than anything else the suite writes, so the oldest-first list is ours.
      const { doctor } = await tx((r) => newDoctor(r));
      const slot = await tx((r) =>
        newSlot(r, doctor.id, { start: '10:00', durationMinutes: 10, places: 6 }),
      );
      const sittings = await tx(async (r) => {
        const list = [];
        for (const date of ['1971-01-18', '1971-01-04', '1971-01-11', '1971-01-25'])
          list.push(await newSitting(r, slot, date));
        return list;
      });
      await tx((r) => r.sittings.setStatus(sittings[2]!.id, 'cancelled', ['scheduled'])); // 1971-01-11
      const now = new Date('1971-01-18T11:00:00.000Z'); // exactly when the 01-18 sitting ends
      const ended = await subject().uow.read.sittings.listEnded(now, 10);
      expect(ended.map((s) => s.date)).toEqual(['1971-01-04', '1971-01-18']);
      expect((await subject().uow.read.sittings.listEnded(now, 1)).map((s) => s.date)).toEqual([
        '1971-01-04',
      ]);
    });
  });
}
