import { describe, expect, it } from 'vitest';
import type { AppointmentDetails } from '../booking/appointment.js';
import type { User } from '../identity/user.js';
import type { Patient } from '../patients/patient.js';
import type { Sitting } from '../scheduling/sitting.js';
import type { Slot } from '../scheduling/slot.js';
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
} from './contract-support.js';
import type { UnitOfWorkSubject } from './unit-of-work-contract.js';

/**
 * The booking policy's counts in the stores: a booking's claim limit (`claimLimit`,
 * `TOO_MANY_APPOINTMENTS`, checked in the booking's transaction on every booking path) and
 * the count of a user's patients that `RegisterPatient` holds to its limit.
 */
export function describeLimitsContract(subject: () => UnitOfWorkSubject): void {
  const tx = <T>(work: (r: Repositories) => Promise<T>): Promise<T> =>
    subject().uow.transaction(work);
  const book = (sitting: Sitting, patient: Patient, claimLimit: number | null) =>
    tx((r) =>
      r.appointments.book({
        sittingId: sitting.id,
        patientId: patient.id,
        bookedBy: patient.ownerId,
        at: contractNow,
        idempotencyKey: null,
        claimLimit,
      }),
    );
  const move = (id: number, to: 'cancelled' | 'completed' | 'checked_in' | 'in_consultation') =>
    tx((r) =>
      r.appointments.transition(id, {
        from: ['booked', 'checked_in', 'in_consultation'],
        to,
        actorId: null,
        at: contractNow,
        reason: null,
      }),
    );
  const newSittingOn = (slot: Slot, date: string) => {
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
  };

  /** Three sittings of three doctors, and one user with `patients` patients. */
  function world(
    patients: number,
  ): Promise<{ sittings: Sitting[]; slots: Slot[]; owner: User; patients: Patient[] }> {
    return tx(async (r) => {
      const sittings: Sitting[] = [];
      const slots: Slot[] = [];
      for (let i = 0; i < 3; i += 1) {
        const { doctor } = await newDoctor(r, `Dr ${unique()}`);
        const slot = await newSlot(r, doctor.id, { places: 5 });
        slots.push(slot);
        sittings.push(await newSitting(r, slot));
      }
      const owner = await newUser(r);
      const list: Patient[] = [];
      for (let i = 0; i < patients; i += 1) list.push(await newPatient(r, owner.id, `P${i}`));
      return { sittings, slots, owner, patients: list };
    });
  }

  describe('booking policy: claim limit', () => {
    it('refuses TOO_MANY_APPOINTMENTS once the booker holds the limit, across sittings and patients', async () => {
      const { sittings, patients } = await world(3);
      await book(sittings[0]!, patients[0]!, 2);
      await book(sittings[1]!, patients[1]!, 2);
      await expectDomainError(book(sittings[2]!, patients[2]!, 2), 'TOO_MANY_APPOINTMENTS');
      expect(await subject().uow.read.sittings.findById(sittings[2]!.id)).toMatchObject({
        booked: 0,
      });
    });

    it('counts booked, checked-in and in-consultation appointments; a cancelled or completed one frees its claim', async () => {
      const { sittings, patients } = await world(4);
      const first = await book(sittings[0]!, patients[0]!, 1);
      await move(first.id, 'checked_in');
      await expectDomainError(book(sittings[1]!, patients[1]!, 1), 'TOO_MANY_APPOINTMENTS');
      await move(first.id, 'in_consultation');
      await expectDomainError(book(sittings[1]!, patients[1]!, 1), 'TOO_MANY_APPOINTMENTS');
      await move(first.id, 'completed');
      const second = await book(sittings[1]!, patients[1]!, 1);
      await move(second.id, 'cancelled');
      await book(sittings[2]!, patients[2]!, 1);
    });

    it('books whatever the claims without a limit (absent or null)', async () => {
      const { sittings, patients } = await world(3);
      await book(sittings[0]!, patients[0]!, null);
      await book(sittings[1]!, patients[1]!, null);
      const third = await tx((r) =>
        r.appointments.book({
          sittingId: sittings[2]!.id,
          patientId: patients[2]!.id,
          bookedBy: patients[2]!.ownerId,
          at: contractNow,
          idempotencyKey: null,
        }),
      );
      expect(third.status).toBe('booked');
    });

    it('answers ALREADY_BOOKED before TOO_MANY_APPOINTMENTS, and SITTING_FULL after it', async () => {
      const { sittings, patients } = await world(2);
      await book(sittings[0]!, patients[0]!, 1);
      await expectDomainError(book(sittings[0]!, patients[0]!, 1), 'ALREADY_BOOKED');
      await expectDomainError(book(sittings[0]!, patients[1]!, 1), 'TOO_MANY_APPOINTMENTS');
    });

    it('refuses in ensureSittingAndBook and commitBooking too, leaving no new sitting behind', async () => {
      const { sittings, slots, patients } = await world(3);
      await book(sittings[0]!, patients[0]!, 1);
      const request = {
        sitting: newSittingOn(slots[1]!, '2026-01-19'),
        patientId: patients[1]!.id,
        bookedBy: patients[1]!.ownerId,
        at: contractNow,
        idempotencyKey: null,
        claimLimit: 1,
      };
      await expectDomainError(
        tx((r) => r.appointments.ensureSittingAndBook(request)),
        'TOO_MANY_APPOINTMENTS',
      );
      const noEvents = (_: AppointmentDetails) => [];
      await expectDomainError(
        subject().uow.commitBooking(request, noEvents, contractNow),
        'TOO_MANY_APPOINTMENTS',
      );
      expect(
        await subject().uow.read.sittings.findBySlotAndDate(slots[1]!.id, '2026-01-19'),
      ).toBeUndefined();
      const booked = await subject().uow.commitBooking(
        { ...request, claimLimit: 2 },
        noEvents,
        contractNow,
      );
      expect(booked.details.appointment.status).toBe('booked');
    });
  });

  describe('booking policy: patients of a user', () => {
    it("counts the user's own patients only", async () => {
      const { owner } = await world(3);
      const other = await tx((r) => newUser(r));
      await tx((r) => newPatient(r, other.id, 'Other'));
      expect(await tx((r) => r.patients.lockAndCountOwned(owner.id))).toBe(3);
      expect(await tx((r) => r.patients.lockAndCountOwned(other.id))).toBe(1);
      expect(await tx((r) => r.patients.lockAndCountOwned(2_000_000_000))).toBe(0);
    });
  });
}
