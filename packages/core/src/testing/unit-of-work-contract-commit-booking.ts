import { describe, expect, it } from 'vitest';
import { isDomainError } from '../shared/domain-error.js';
import type { DomainEvent } from '../shared/domain-event.js';
import type { AppointmentDetails } from '../booking/appointment.js';
import type { Patient } from '../patients/patient.js';
import type { Slot } from '../scheduling/slot.js';
import type { LocalDate } from '../shared/primitives.js';
import type { Repositories } from '../shared/unit-of-work.js';
import {
  contractNow,
  expectDomainError,
  newDoctor,
  newPatient,
  newSlot,
  newUser,
  unique,
  asStored,
} from './contract-support.js';
import type { UnitOfWorkSubject } from './unit-of-work-contract.js';

/** The events a booking appends here: one naming its appointment and sitting. */
function eventsOf({ appointment }: AppointmentDetails): readonly DomainEvent[] {
  return [
    {
      type: 'appointment.changed',
      appointmentId: appointment.id,
      doctorId: appointment.doctorId,
      sittingId: appointment.sittingId,
      patientId: appointment.patientId,
      ownerId: appointment.bookedBy,
    },
  ];
}

/**
 * `commitBooking`: a booking and its events, all or nothing, each booking of a burst booked or
 * refused as if alone, whether or not the store groups them.
 */
export function describeCommitBookingContract(subject: () => UnitOfWorkSubject): void {
  const tx = <T>(work: (r: Repositories) => Promise<T>): Promise<T> =>
    subject().uow.transaction(work);
  const commit = (slot: Slot, date: LocalDate, patient: Patient, key: string | null = null) => {
    const startsAt = new Date(`${date}T${slot.start}:00.000Z`);
    return subject().uow.commitBooking(
      {
        sitting: {
          slotId: slot.id,
          doctorId: slot.doctorId,
          date,
          startsAt,
          places: slot.places,
          durationMinutes: slot.durationMinutes,
          endsAt: new Date(startsAt.getTime() + slot.durationMinutes * slot.places * 60_000),
        },
        patientId: patient.id,
        bookedBy: patient.ownerId,
        at: contractNow,
        idempotencyKey: key,
      },
      eventsOf,
      contractNow,
    );
  };
  /** The events in the outbox (pending: nothing relays in these tests) about a sitting. */
  const eventsAbout = async (sittingId: number) =>
    (await subject().outbox.pending(100_000))
      .map((e) => e.event)
      .filter((e) => 'sittingId' in e && e.sittingId === sittingId);

  /** A slot of `places` places and `patients` patients, each of their own user. */
  function world(places: number, patients: number): Promise<{ slot: Slot; patients: Patient[] }> {
    return tx(async (r) => {
      const { doctor } = await newDoctor(r, `Dr ${unique()}`);
      const slot = await newSlot(r, doctor.id, { places });
      const list: Patient[] = [];
      for (let i = 0; i < patients; i += 1)
        list.push(await newPatient(r, (await newUser(r)).id, `Patient ${i}`));
      return { slot, patients: list };
    });
  }

  describe('commitBooking', () => {
    it('commits the booking and the events made of its details, in the outbox', async () => {
      const { slot, patients } = await world(5, 1);
      const { details, events } = await commit(slot, '2026-01-12', patients[0]!);
      expect(asStored(details)).toEqual(
        await subject().uow.read.appointments.details(details.appointment.id),
      );
      expect(details.waitingAhead ?? 0).toBe(0);
      expect(details.appointment).toMatchObject({
        patientId: patients[0]!.id,
        queueNumber: 1,
        status: 'booked',
      });
      expect(events).toEqual(eventsOf(details));
      expect(await eventsAbout(details.appointment.sittingId)).toEqual(events);
    });

    it('refuses as ensureSittingAndBook does, and a refusal commits no event', async () => {
      const { slot, patients } = await world(1, 2);
      const { details } = await commit(slot, '2026-01-12', patients[0]!);
      await expectDomainError(commit(slot, '2026-01-12', patients[0]!), 'ALREADY_BOOKED');
      await expectDomainError(commit(slot, '2026-01-12', patients[1]!), 'SITTING_FULL');
      expect(await eventsAbout(details.appointment.sittingId)).toHaveLength(1);
    });

    it('books or refuses each of a burst as if alone: 30 at once on 8 places, duplicates among them', async () => {
      const { slot, patients } = await world(8, 28);
      const burst = [...patients, patients[0]!, patients[1]!];
      const outcomes = await Promise.allSettled(burst.map((p) => commit(slot, '2026-01-12', p)));
      const booked = outcomes.flatMap((o) =>
        o.status === 'fulfilled' ? [o.value.details.appointment] : [],
      );
      const refusals = outcomes.flatMap((o) =>
        o.status === 'rejected' ? [o.reason as unknown] : [],
      );
      expect(booked.map((a) => a.queueNumber).sort((x, y) => x - y)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8,
      ]);
      expect(new Set(booked.map((a) => a.patientId)).size).toBe(8);
      expect(
        refusals.every(
          (e) => isDomainError(e, 'SITTING_FULL') || isDomainError(e, 'ALREADY_BOOKED'),
        ),
        String(refusals[0]),
      ).toBe(true);
      const sittingId = booked[0]!.sittingId;
      expect((await subject().uow.read.sittings.findById(sittingId))!.booked).toBe(8);
      const events = await eventsAbout(sittingId);
      expect(events.map((e) => (e as { appointmentId: number }).appointmentId).sort()).toEqual(
        booked.map((a) => a.id).sort(),
      );
    });

    it('fails only the booking that reuses an idempotency key, not the others of its burst', async () => {
      const { slot, patients } = await world(20, 11);
      const key = `key-${unique()}`;
      await commit(slot, '2026-01-12', patients[0]!, key);
      // The key's owner books another patient with the same key, amid ten other bookings.
      const reused = await tx((r) => newPatient(r, patients[0]!.ownerId, 'Second'));
      const outcomes = await Promise.allSettled([
        ...patients.slice(1).map((p) => commit(slot, '2026-01-12', p)),
        commit(slot, '2026-01-12', reused, key),
      ]);
      expect(outcomes.slice(0, 10).every((o) => o.status === 'fulfilled')).toBe(true);
      const last = outcomes[10]!;
      expect(
        last.status === 'rejected' && isDomainError(last.reason, 'IDEMPOTENCY_KEY_REUSED'),
        last.status,
      ).toBe(true);
      const sitting = await subject().uow.read.sittings.findBySlotAndDate(slot.id, '2026-01-12');
      expect(sitting!.booked).toBe(11);
      expect(await eventsAbout(sitting!.id)).toHaveLength(11);
    });
  });
}
