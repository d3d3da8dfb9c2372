import { describe, expect, it } from 'vitest';
import { isDomainError } from '../shared/domain-error.js';
import type { User } from '../identity/user.js';
import type { Patient } from '../patients/patient.js';
import type { NewSitting } from '../scheduling/sitting.js';
import type { Slot } from '../scheduling/slot.js';
import type { LocalDate } from '../shared/primitives.js';
import type { Repositories } from '../shared/unit-of-work.js';
import {
  contractNow,
  expectDomainError,
  newDoctor,
  newPatient,
  newSitting,
  newSlot,
  newUser,
  unique,
  asStored,
} from './contract-support.js';
import type { UnitOfWorkSubject } from './unit-of-work-contract.js';

/** The sitting of `slot` on `date` as a booking asks for it (times read as UTC, like the contract's slots). */
function sittingOn(slot: Slot, date: LocalDate): NewSitting {
  const startsAt = new Date(`${date}T${slot.start}:00.000Z`);
  const endsAt = new Date(startsAt.getTime() + slot.durationMinutes * slot.places * 60_000);
  return {
    slotId: slot.id,
    doctorId: slot.doctorId,
    date,
    startsAt,
    endsAt,
    places: slot.places,
    durationMinutes: slot.durationMinutes,
  };
}

/** The booking use case's two steps: `bookingContext` (its one read) and `ensureSittingAndBook` (its one write). */
export function describeBookingStepContract(subject: () => UnitOfWorkSubject): void {
  const tx = <T>(work: (r: Repositories) => Promise<T>): Promise<T> =>
    subject().uow.transaction(work);
  const read = () => subject().uow.read;
  const bookOn = (slot: Slot, date: LocalDate, patient: Patient, key: string | null = null) =>
    tx((r) =>
      r.appointments.ensureSittingAndBook({
        sitting: sittingOn(slot, date),
        patientId: patient.id,
        bookedBy: patient.ownerId,
        at: contractNow,
        idempotencyKey: key,
      }),
    );

  /** A doctor's slot with no sitting yet, and a user with `patients` patients. */
  function world(
    places: number,
    patients: number,
  ): Promise<{ slot: Slot; owner: User; patients: Patient[] }> {
    return tx(async (r) => {
      const { doctor } = await newDoctor(r, `Dr ${unique()}`);
      const slot = await newSlot(r, doctor.id, { places });
      const owner = await newUser(r);
      const list: Patient[] = [];
      for (let i = 0; i < patients; i += 1)
        list.push(await newPatient(r, owner.id, `Patient ${i}`));
      return { slot, owner, patients: list };
    });
  }

  describe('appointments: ensureSittingAndBook', () => {
    it('creates the missing sitting, then reuses it, and answers what details() answers', async () => {
      const { slot, patients } = await world(5, 2);
      const first = await bookOn(slot, '2026-01-12', patients[0]!);
      const second = await bookOn(slot, '2026-01-12', patients[1]!);
      const sitting = await read().sittings.findBySlotAndDate(slot.id, '2026-01-12');
      expect(sitting).toMatchObject({
        ...sittingOn(slot, '2026-01-12'),
        status: 'scheduled',
        booked: 2,
      });
      expect([first.appointment.sittingId, second.appointment.sittingId]).toEqual([
        sitting!.id,
        sitting!.id,
      ]);
      expect([first.appointment.queueNumber, second.appointment.queueNumber]).toEqual([1, 2]);
      expect(first.appointment).toMatchObject({
        slotId: slot.id,
        doctorId: slot.doctorId,
        patientId: patients[0]!.id,
        status: 'booked',
      });
      expect(await read().appointments.details(first.appointment.id)).toEqual(asStored(first));
      expect(await read().appointments.details(second.appointment.id)).toEqual(asStored(second));
      // A store that counts who waits ahead at booking counts right (others leave it out).
      expect([first.waitingAhead ?? 0, second.waitingAhead ?? 1]).toEqual([0, 1]);
      expect(await read().appointments.history(first.appointment.id)).toHaveLength(1);
    });

    it('refuses as book() does, and a refused booking leaves no sitting behind', async () => {
      const { slot, patients } = await world(1, 3);
      const key = `key-${unique()}`;
      await bookOn(slot, '2026-01-12', patients[0]!, key);
      await expectDomainError(bookOn(slot, '2026-01-12', patients[0]!), 'ALREADY_BOOKED');
      await expectDomainError(bookOn(slot, '2026-01-12', patients[1]!), 'SITTING_FULL');
      await expectDomainError(
        bookOn(slot, '2026-01-19', patients[1]!, key),
        'IDEMPOTENCY_KEY_REUSED',
      );
      expect(await read().sittings.findBySlotAndDate(slot.id, '2026-01-19')).toBeUndefined();
      const cancelled = await tx((r) => newSitting(r, slot, '2026-01-26'));
      const completed = await tx((r) => newSitting(r, slot, '2026-02-02'));
      await tx((r) => r.sittings.setStatus(cancelled.id, 'cancelled', ['scheduled']));
      await tx((r) => r.sittings.setStatus(completed.id, 'completed', ['scheduled']));
      await expectDomainError(bookOn(slot, '2026-01-26', patients[2]!), 'SITTING_CANCELLED');
      await expectDomainError(bookOn(slot, '2026-02-02', patients[2]!), 'SITTING_CLOSED');
    });

    it('is atomic under concurrency, also while the sitting is being created: 40 bookers, 8 places', async () => {
      const { slot, patients } = await world(8, 40);
      const outcomes = await Promise.allSettled(patients.map((p) => bookOn(slot, '2026-01-12', p)));
      const won = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
      expect(won.map((d) => d.appointment.queueNumber).sort((x, y) => x - y)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8,
      ]);
      expect(new Set(won.map((d) => d.appointment.sittingId)).size).toBe(1);
      expect(
        outcomes.every((o) => o.status === 'fulfilled' || isDomainError(o.reason, 'SITTING_FULL')),
      ).toBe(true);
      expect(await read().sittings.listBySlot(slot.id, '2026-01-01', '2026-12-31')).toMatchObject([
        { date: '2026-01-12', booked: 8 },
      ]);
    });
  });

  describe('appointments: bookingContext', () => {
    it('reads the patient, the slot, its sittings in the window by date and the earlier booking by key', async () => {
      const { slot, owner, patients } = await world(5, 1);
      for (const date of ['2026-01-26', '2026-01-05', '2026-01-12', '2026-02-02'])
        await tx((r) => newSitting(r, slot, date));
      const key = `key-${unique()}`;
      const booked = await bookOn(slot, '2026-01-12', patients[0]!, key);
      const context = await read().appointments.bookingContext({
        patientId: patients[0]!.id,
        slotId: slot.id,
        from: '2026-01-06',
        to: '2026-01-26',
        earlier: { bookedBy: owner.id, key },
      });
      expect(context).toEqual({
        patient: await read().patients.findById(patients[0]!.id),
        slot: await read().slots.findById(slot.id),
        sittings: await read().sittings.listBySlot(slot.id, '2026-01-06', '2026-01-26'),
        earlier: asStored(booked),
      });
      expect(context.sittings.map((s) => s.date)).toEqual(['2026-01-12', '2026-01-26']);
    });

    it('answers undefined for what is missing, and no earlier booking unless asked for by its owner', async () => {
      const { slot, owner, patients } = await world(5, 1);
      const key = `key-${unique()}`;
      await bookOn(slot, '2026-01-12', patients[0]!, key);
      const window = { from: '2026-01-01', to: '2026-12-31' };
      const missing = await read().appointments.bookingContext({
        patientId: 2_000_000_000,
        slotId: 2_000_000_000,
        ...window,
        earlier: null,
      });
      expect(missing).toEqual({
        patient: undefined,
        slot: undefined,
        sittings: [],
        earlier: undefined,
      });
      const ask = (earlier: { bookedBy: number; key: string } | null) =>
        read().appointments.bookingContext({
          patientId: patients[0]!.id,
          slotId: slot.id,
          ...window,
          earlier,
        });
      expect((await ask(null)).earlier).toBeUndefined();
      expect((await ask({ bookedBy: owner.id, key: `key-${unique()}` })).earlier).toBeUndefined();
      const stranger = await tx((r) => newUser(r));
      expect((await ask({ bookedBy: stranger.id, key })).earlier).toBeUndefined();
      expect((await ask({ bookedBy: owner.id, key })).earlier?.appointment.idempotencyKey).toBe(
        key,
      );
    });
  });
}
