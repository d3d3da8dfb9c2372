import { describe, expect, it } from 'vitest';
import type { Patient } from '../patients/patient.js';
import type { Sitting } from '../scheduling/sitting.js';
import type { AppointmentStatus } from '../booking/appointment.js';
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

const minutes = (n: number) => new Date(contractNow.getTime() + n * 60_000);

/** The day of the sitting: start, version, call-in and completion times, live states. */
export function describeDayOfSittingContract(subject: () => UnitOfWorkSubject): void {
  const tx = <T>(work: (r: Repositories) => Promise<T>): Promise<T> =>
    subject().uow.transaction(work);
  const read = () => subject().uow.read;
  const version = async (sitting: Sitting) => (await read().sittings.findById(sitting.id))!.version;
  const book = (sitting: Sitting, patient: Patient) =>
    tx((r) =>
      r.appointments.book({
        sittingId: sitting.id,
        patientId: patient.id,
        bookedBy: patient.ownerId,
        at: contractNow,
        idempotencyKey: null,
      }),
    );
  const move = (id: number, from: AppointmentStatus[], to: AppointmentStatus, at = contractNow) =>
    tx((r) => r.appointments.transition(id, { from, to, actorId: null, at, reason: null }));

  /** A doctor's sitting with `patients` patients of one user, none booked yet. */
  async function world(
    patients: number,
  ): Promise<{ sitting: Sitting; patients: Patient[]; doctorName: string }> {
    return tx(async (r) => {
      const doctorName = `Dr ${unique()}`;
      const { doctor } = await newDoctor(r, doctorName);
      const slot = await newSlot(r, doctor.id, { places: 5 });
      const sitting = await newSitting(r, slot, '2026-01-12');
      const owner = await newUser(r);
      const list = [];
      for (let i = 0; i < patients; i += 1) list.push(await newPatient(r, owner.id, `P ${i}`));
      return { sitting, patients: list, doctorName };
    });
  }

  describe('sittings: the day of the sitting', () => {
    it('creates a sitting scheduled, not started, at version 0', async () => {
      const { sitting } = await world(0);
      expect(sitting).toMatchObject({ status: 'scheduled', startedAt: null, version: 0 });
    });

    it('starts a scheduled sitting once: in_progress, started_at, version bumped', async () => {
      const { sitting } = await world(0);
      expect(await tx((r) => r.sittings.start(sitting.id, minutes(5)))).toBe(true);
      const started = await read().sittings.findById(sitting.id);
      expect(started).toMatchObject({ status: 'in_progress', version: 1 });
      expect(started!.startedAt!.getTime()).toBe(minutes(5).getTime());
      expect(await tx((r) => r.sittings.start(sitting.id, minutes(9)))).toBe(false);
      expect((await read().sittings.findById(sitting.id))!.startedAt!.getTime()).toBe(
        minutes(5).getTime(),
      );
    });

    it('changes the status only from the statuses given, bumping the version', async () => {
      const { sitting } = await world(0);
      await tx((r) => r.sittings.start(sitting.id, contractNow));
      expect(await tx((r) => r.sittings.setStatus(sitting.id, 'cancelled', ['scheduled']))).toBe(
        false,
      );
      expect(await version(sitting)).toBe(1);
      expect(
        await tx((r) =>
          r.sittings.setStatus(sitting.id, 'completed', ['scheduled', 'in_progress']),
        ),
      ).toBe(true);
      expect(await read().sittings.findById(sitting.id)).toMatchObject({
        status: 'completed',
        version: 2,
      });
    });

    it('lists an ended in-progress sitting among those to close', async () => {
      const { sitting } = await world(0);
      await tx((r) => r.sittings.start(sitting.id, sitting.startsAt));
      const ended = await read().sittings.listEnded(sitting.endsAt, 1000);
      expect(ended.map((s) => s.id)).toContain(sitting.id);
    });

    it('bumps the version with every booking and every status change, never otherwise', async () => {
      const { sitting, patients } = await world(2);
      const seen = [await version(sitting)];
      const a = await book(sitting, patients[0]!);
      seen.push(await version(sitting));
      const b = await book(sitting, patients[1]!);
      seen.push(await version(sitting));
      await move(a.id, ['booked'], 'checked_in');
      seen.push(await version(sitting));
      await move(a.id, ['checked_in'], 'in_consultation');
      seen.push(await version(sitting));
      await move(b.id, ['booked'], 'cancelled');
      seen.push(await version(sitting));
      expect(await move(b.id, ['booked'], 'checked_in')).toBeUndefined(); // refused: no change
      seen.push(await version(sitting));
      expect(seen).toEqual([0, 1, 2, 3, 4, 5, 5]);
    });

    it('bumps the version once a batch of status changes moved any, and not when none moved', async () => {
      const { sitting, patients } = await world(2);
      for (const p of patients) await book(sitting, p);
      const before = await version(sitting);
      const none = await tx((r) =>
        r.appointments.transitionAllInSitting(sitting.id, {
          from: ['in_consultation'],
          to: 'completed',
          actorId: null,
          at: contractNow,
          reason: null,
        }),
      );
      expect(none).toEqual([]);
      expect(await version(sitting)).toBe(before);
      const moved = await tx((r) =>
        r.appointments.transitionAllInSitting(sitting.id, {
          from: ['booked'],
          to: 'no_show',
          actorId: null,
          at: contractNow,
          reason: null,
        }),
      );
      expect(moved).toHaveLength(2);
      expect(await version(sitting)).toBeGreaterThan(before);
    });

    it('records called_at when called in and completed_at when completed, keeping called_at', async () => {
      const { sitting, patients } = await world(1);
      const a = await book(sitting, patients[0]!);
      expect(a).toMatchObject({ calledAt: null, completedAt: null });
      const called = await move(a.id, ['booked'], 'in_consultation', minutes(10));
      expect(called!.calledAt!.getTime()).toBe(minutes(10).getTime());
      expect(called!.completedAt).toBeNull();
      const done = await move(a.id, ['in_consultation'], 'completed', minutes(22));
      expect(done!.calledAt!.getTime()).toBe(minutes(10).getTime());
      expect(done!.completedAt!.getTime()).toBe(minutes(22).getTime());
      expect(await read().appointments.findById(a.id)).toEqual(done);
      expect((await read().appointments.history(a.id)).map((h) => h.status)).toEqual([
        'booked',
        'in_consultation',
        'completed',
      ]);
    });

    it('presents the sitting start in the details of its appointments', async () => {
      const { sitting, patients } = await world(1);
      const a = await book(sitting, patients[0]!);
      await tx((r) => r.sittings.start(sitting.id, minutes(3)));
      const details = await read().appointments.details(a.id);
      expect(details).toMatchObject({ sittingStatus: 'in_progress' });
      expect(details!.sittingStartedAt!.getTime()).toBe(minutes(3).getTime());
    });

    it('reads the live state of several sittings at once, in the order asked, unknown ids left out', async () => {
      const first = await world(2);
      const second = await world(1);
      const a = await book(first.sitting, first.patients[0]!);
      const b = await book(first.sitting, first.patients[1]!);
      await move(a.id, ['booked'], 'in_consultation', minutes(1));
      await move(b.id, ['booked'], 'cancelled');
      const c = await book(second.sitting, second.patients[0]!);
      const states = await read().appointments.liveStates([
        second.sitting.id,
        2_000_000_000,
        first.sitting.id,
      ]);
      expect(states.map((s) => s.sitting.id)).toEqual([second.sitting.id, first.sitting.id]);
      expect(states[1]).toEqual({
        sitting: await read().sittings.findById(first.sitting.id),
        doctorName: first.doctorName,
        appointments: [
          {
            id: a.id,
            queueNumber: 1,
            status: 'in_consultation',
            calledAt: minutes(1),
            completedAt: null,
          },
          { id: b.id, queueNumber: 2, status: 'cancelled', calledAt: null, completedAt: null },
        ],
      });
      expect(states[0]!.appointments).toEqual([
        { id: c.id, queueNumber: 1, status: 'booked', calledAt: null, completedAt: null },
      ]);
      expect(await read().appointments.liveStates([])).toEqual([]);
    });
  });
}
