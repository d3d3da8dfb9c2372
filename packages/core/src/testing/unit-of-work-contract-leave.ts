import { describe, expect, it } from 'vitest';
import type { NewSitting } from '../scheduling/sitting.js';
import type { Slot } from '../scheduling/slot.js';
import type { LocalDate } from '../shared/primitives.js';
import type { Repositories } from '../shared/unit-of-work.js';
import { contractNow, newDoctor, newSitting, newSlot } from './contract-support.js';
import type { UnitOfWorkSubject } from './unit-of-work-contract.js';

/** The sitting of `slot` on `date` as a leave asks for it (UTC slots, as the contract's). */
function wanted(slot: Slot, date: LocalDate): NewSitting {
  const startsAt = new Date(`${date}T${slot.start}:00.000Z`);
  return {
    slotId: slot.id,
    doctorId: slot.doctorId,
    date,
    startsAt,
    endsAt: new Date(startsAt.getTime() + slot.durationMinutes * slot.places * 60_000),
    places: slot.places,
    durationMinutes: slot.durationMinutes,
  };
}

/** Doctors' leaves: the leave rows and the sittings they hold cancelled. */
export function describeLeaveContract(subject: () => UnitOfWorkSubject): void {
  const tx = <T>(work: (r: Repositories) => Promise<T>): Promise<T> =>
    subject().uow.transaction(work);
  const read = () => subject().uow.read;

  const leaveOf = (doctorId: number, createdBy: number, from: LocalDate, to: LocalDate) =>
    tx(async (r) => {
      await r.leaves.lockDoctor(doctorId);
      return r.leaves.create({
        doctorId,
        from,
        to,
        reason: 'away',
        createdBy,
        createdAt: contractNow,
      });
    });

  describe('leaves', () => {
    it('creates leaves, finds them, lists a doctor’s newest first and the active ones by id', async () => {
      const { user, doctor } = await tx((r) => newDoctor(r));
      const a = await leaveOf(doctor.id, user.id, '2026-01-12', '2026-01-18');
      const b = await leaveOf(doctor.id, user.id, '2026-02-01', '2026-02-10');
      const c = await leaveOf(doctor.id, user.id, '2025-12-01', '2025-12-02');
      expect(a).toEqual({
        id: a.id,
        doctorId: doctor.id,
        from: '2026-01-12',
        to: '2026-01-18',
        reason: 'away',
        createdBy: user.id,
        createdAt: contractNow,
        reopenedAt: null,
        cancelledSittings: 0,
        cancelledAppointments: 0,
      });
      expect(await read().leaves.findById(a.id)).toEqual(a);
      expect(await read().leaves.findById(2_000_000_000)).toBeUndefined();
      const page = await read().leaves.listByDoctor(doctor.id, { limit: 2, offset: 0 });
      expect(page).toEqual({ items: [c, b], total: 3 });
      expect(await read().leaves.listByDoctor(doctor.id, { limit: 2, offset: 5 })).toEqual({
        items: [],
        total: 3,
      });
      expect((await read().leaves.listActive(doctor.id, '2026-01-05')).map((l) => l.id)).toEqual([
        a.id,
        b.id,
      ]);
      await tx((r) => r.leaves.addCounts(a.id, 3, 2));
      const at = new Date('2026-01-06T00:00:00.000Z');
      expect(await tx((r) => r.leaves.markReopened(a.id, at))).toBe(true);
      expect(await tx((r) => r.leaves.markReopened(a.id, at))).toBe(false);
      expect(await read().leaves.findById(a.id)).toMatchObject({
        reopenedAt: at,
        cancelledSittings: 3,
        cancelledAppointments: 2,
      });
      expect((await read().leaves.listActive(doctor.id, '2026-01-05')).map((l) => l.id)).toEqual([
        b.id,
      ]);
    });

    it('holds sittings cancelled: creates missing ones cancelled, cancels scheduled ones, leaves any other alone', async () => {
      const { user, doctor } = await tx((r) => newDoctor(r));
      const slot = await tx((r) => newSlot(r, doctor.id));
      const scheduled = await tx((r) => newSitting(r, slot, '2026-01-12'));
      const byHand = await tx(async (r) => {
        const s = await newSitting(r, slot, '2026-01-19');
        await r.sittings.setStatus(s.id, 'cancelled', ['scheduled']);
        return s;
      });
      const running = await tx(async (r) => {
        const s = await newSitting(r, slot, '2026-01-26');
        await r.sittings.start(s.id, contractNow);
        return s;
      });
      const leave = await leaveOf(doctor.id, user.id, '2026-01-12', '2026-02-02');
      const dates = ['2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02'];
      const held = await tx((r) =>
        r.leaves.cancelSittings(
          leave.id,
          dates.map((d) => wanted(slot, d)),
        ),
      );
      expect(held.cancelled).toEqual([
        { ...scheduled, status: 'cancelled', version: scheduled.version + 1 },
      ]);
      expect(held.created.map((s) => `${s.date}:${s.status}`)).toEqual(['2026-02-02:cancelled']);
      expect(held.created[0]).toMatchObject({ booked: 0, startedAt: null, slotId: slot.id });
      expect(held.created[0]!.startsAt.toISOString()).toBe('2026-02-02T10:00:00.000Z');
      expect((await read().leaves.listSittings(leave.id)).map((s) => s.id)).toEqual(
        [scheduled.id, held.created[0]!.id].sort((a, b) => a - b),
      );
      expect((await read().sittings.findById(byHand.id))?.status).toBe('cancelled');
      expect((await read().sittings.findById(running.id))?.status).toBe('in_progress');
      // Again: nothing left to hold.
      const again = await tx((r) =>
        r.leaves.cancelSittings(
          leave.id,
          dates.map((d) => wanted(slot, d)),
        ),
      );
      expect(again).toEqual({ created: [], cancelled: [] });
    });

    it('re-opens only its own cancelled sittings that start after now, and hands others over', async () => {
      const { user, doctor } = await tx((r) => newDoctor(r));
      const slot = await tx((r) => newSlot(r, doctor.id));
      const first = await leaveOf(doctor.id, user.id, '2026-01-05', '2026-01-26');
      const second = await leaveOf(doctor.id, user.id, '2026-01-19', '2026-01-19');
      const dates = ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26'];
      const { created: held } = await tx((r) =>
        r.leaves.cancelSittings(
          first.id,
          dates.map((d) => wanted(slot, d)),
        ),
      );
      const [past, open, covered, later] = held;
      const now = new Date('2026-01-06T00:00:00.000Z');
      await tx((r) => r.leaves.handOver(first.id, second.id, [covered!.id]));
      const reopened = await tx((r) =>
        r.leaves.reopenSittings(
          first.id,
          held.map((s) => s.id),
          now,
        ),
      );
      expect(reopened).toEqual([
        { ...open!, status: 'scheduled', version: open!.version + 1 },
        { ...later!, status: 'scheduled', version: later!.version + 1 },
      ]);
      expect((await read().leaves.listSittings(first.id)).map((s) => s.id)).toEqual([past!.id]);
      expect((await read().leaves.listSittings(second.id)).map((s) => s.id)).toEqual([covered!.id]);
      expect((await read().sittings.findById(covered!.id))?.status).toBe('cancelled');
      expect(
        await tx((r) =>
          r.leaves.reopenSittings(
            first.id,
            held.map((s) => s.id),
            now,
          ),
        ),
      ).toEqual([]);
    });
  });
}
