import { describe, expect, it } from 'vitest';
import type { Patient } from '../patients/patient.js';
import type { Sitting } from '../scheduling/sitting.js';
import type { Repositories } from '../shared/unit-of-work.js';
import {
  contractNow,
  newDoctor,
  newPatient,
  newSitting,
  newSlot,
  newUser,
  unique,
} from './contract-support.js';
import type { UnitOfWorkSubject } from './unit-of-work-contract.js';

/** What a reschedule adds to the stores: locking several sittings, and `rescheduledTo`. */
export function describeRescheduleContract(subject: () => UnitOfWorkSubject): void {
  const tx = <T>(work: (r: Repositories) => Promise<T>): Promise<T> =>
    subject().uow.transaction(work);
  const bookIn = (r: Repositories, sitting: Sitting, patient: Patient) =>
    r.appointments.book({
      sittingId: sitting.id,
      patientId: patient.id,
      bookedBy: patient.ownerId,
      at: contractNow,
      idempotencyKey: null,
    });

  /**
   * A doctor with two slots: `early` (Tuesdays) created first, `late` (Mondays); sittings
   * created so that the ids disagree with the (slot, date) order.
   */
  function world() {
    return tx(async (r) => {
      const { doctor } = await newDoctor(r, `Dr ${unique()}`);
      const early = await newSlot(r, doctor.id, { day: 'tuesday', places: 4 });
      const late = await newSlot(r, doctor.id, { day: 'monday', places: 4 });
      const lateMonday = await newSitting(r, late, '2026-01-12');
      const earlyLater = await newSitting(r, early, '2026-01-20');
      const earlyFirst = await newSitting(r, early, '2026-01-13');
      const owner = await newUser(r);
      const patients: Patient[] = [];
      for (let i = 0; i < 4; i += 1) patients.push(await newPatient(r, owner.id, `P${i}`));
      return { lateMonday, earlyLater, earlyFirst, patients };
    });
  }

  describe('sittings: lock', () => {
    it('answers the stored sittings of the ids by slot then date, once each, unknown ids skipped', async () => {
      const w = await world();
      const locked = await tx((r) =>
        r.sittings.lock([
          w.lateMonday.id,
          2_000_000_000,
          w.earlyLater.id,
          w.earlyFirst.id,
          w.lateMonday.id,
        ]),
      );
      expect(locked.map((s) => s.id)).toEqual([w.earlyFirst.id, w.earlyLater.id, w.lateMonday.id]);
      expect(locked[2]).toEqual(w.lateMonday);
      expect(await tx((r) => r.sittings.lock([]))).toEqual([]);
    });

    it('lets transactions locking the same sittings in opposite orders all commit (no deadlock)', async () => {
      const w = await world();
      const pairs = [
        [w.lateMonday, w.earlyFirst],
        [w.earlyFirst, w.lateMonday],
      ] as const;
      const results = await Promise.allSettled(
        w.patients.map((patient, i) =>
          tx(async (r) => {
            const [a, b] = pairs[i % 2]!;
            await r.sittings.lock([a.id, b.id]);
            await bookIn(r, a, patient);
            return bookIn(r, b, patient);
          }),
        ),
      );
      expect(results.map((x) => x.status)).toEqual(w.patients.map(() => 'fulfilled'));
      const read = subject().uow.read.sittings;
      expect((await read.findById(w.lateMonday.id))?.booked).toBe(4);
      expect((await read.findById(w.earlyFirst.id))?.booked).toBe(4);
    });
  });

  describe('appointments: setRescheduledTo', () => {
    it('points a cancelled appointment at its successor; details and reads show it', async () => {
      const w = await world();
      const patient = w.patients[0]!;
      const { old, moved } = await tx(async (r) => {
        const old = await bookIn(r, w.lateMonday, patient);
        expect(old.rescheduledTo).toBeNull();
        const moved = await bookIn(r, w.earlyFirst, patient);
        await r.appointments.transition(old.id, {
          from: ['booked'],
          to: 'cancelled',
          actorId: patient.ownerId,
          at: contractNow,
          reason: 'rescheduled',
        });
        const pointed = await r.appointments.setRescheduledTo(old.id, moved.id);
        expect(pointed).toMatchObject({ id: old.id, status: 'cancelled', rescheduledTo: moved.id });
        return { old, moved };
      });
      const read = subject().uow.read.appointments;
      expect((await read.findById(old.id))?.rescheduledTo).toBe(moved.id);
      expect((await read.details(old.id))?.appointment.rescheduledTo).toBe(moved.id);
      expect((await read.details(moved.id))?.appointment.rescheduledTo).toBeNull();
    });

    it('leaves an appointment that is not cancelled, or unknown, as it was (undefined)', async () => {
      const w = await world();
      const [a, b] = await tx(async (r) => [
        await bookIn(r, w.lateMonday, w.patients[0]!),
        await bookIn(r, w.lateMonday, w.patients[1]!),
      ]);
      expect(await tx((r) => r.appointments.setRescheduledTo(a.id, b.id))).toBeUndefined();
      expect(await tx((r) => r.appointments.setRescheduledTo(2_000_000_000, b.id))).toBeUndefined();
      expect((await subject().uow.read.appointments.findById(a.id))?.rescheduledTo).toBeNull();
    });
  });
}
