import { describe, expect, it } from 'vitest';
import { isDomainError } from '../shared/domain-error.js';
import type { Appointment } from '../booking/appointment.js';
import type { User } from '../identity/user.js';
import type { Patient } from '../patients/patient.js';
import type { Sitting } from '../scheduling/sitting.js';
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

/** Booking, status changes and the appointment lists. */
export function describeBookingContract(subject: () => UnitOfWorkSubject): void {
  const tx = <T>(work: (r: Repositories) => Promise<T>): Promise<T> =>
    subject().uow.transaction(work);
  const book = (sitting: Sitting, patient: Patient, key: string | null = null, at = contractNow) =>
    tx((r) =>
      r.appointments.book({
        sittingId: sitting.id,
        patientId: patient.id,
        bookedBy: patient.ownerId,
        at,
        idempotencyKey: key,
      }),
    );
  const cancel = (id: number) =>
    tx((r) =>
      r.appointments.transition(id, {
        from: ['booked', 'checked_in'],
        to: 'cancelled',
        actorId: null,
        at: contractNow,
        reason: 'test',
      }),
    );

  /** A doctor with one slot and its sitting, and a user with `patients` patients. */
  async function world(
    places: number,
    patients: number,
    date = '2026-01-12',
  ): Promise<{ sitting: Sitting; owner: User; patients: Patient[]; doctorId: number }> {
    return tx(async (r) => {
      const { doctor } = await newDoctor(r, `Dr ${unique()}`);
      const slot = await newSlot(r, doctor.id, { places });
      const sitting = await newSitting(r, slot, date);
      const owner = await newUser(r);
      const list = [];
      for (let i = 0; i < patients; i += 1)
        list.push(await newPatient(r, owner.id, `Patient ${String(i).padStart(3, '0')}`));
      return { sitting, owner, patients: list, doctorId: doctor.id };
    });
  }

  describe('appointments: booking', () => {
    it('gives queue numbers 1, 2, 3, counts the places and records a booked history entry', async () => {
      const { sitting, patients, owner, doctorId } = await world(5, 3);
      const booked = [];
      for (const p of patients) booked.push(await book(sitting, p));
      expect(booked.map((a) => a.queueNumber)).toEqual([1, 2, 3]);
      expect(booked[0]).toMatchObject({
        sittingId: sitting.id,
        slotId: sitting.slotId,
        doctorId,
        patientId: patients[0]!.id,
        status: 'booked',
        bookedBy: owner.id,
        idempotencyKey: null,
      });
      expect(booked[0]!.bookedAt.getTime()).toBe(contractNow.getTime());
      expect(await subject().uow.read.sittings.findById(sitting.id)).toMatchObject({ booked: 3 });
      expect(await subject().uow.read.appointments.findById(booked[1]!.id)).toEqual(booked[1]);
      expect(await subject().uow.read.appointments.history(booked[0]!.id)).toEqual([
        {
          appointmentId: booked[0]!.id,
          status: 'booked',
          actorId: owner.id,
          at: contractNow,
          reason: null,
        },
      ]);
      expect(await subject().uow.read.appointments.findById(2_000_000_000)).toBeUndefined();
    });

    it('presents an appointment with its sitting, patient and doctor', async () => {
      const { sitting, patients, owner, doctorId } = await world(5, 1);
      const appointment = await book(sitting, patients[0]!);
      const doctor = (await subject().uow.read.doctors.snapshot(doctorId))!;
      expect(await subject().uow.read.appointments.details(appointment.id)).toEqual({
        appointment,
        date: sitting.date,
        sittingStartsAt: sitting.startsAt,
        sittingStatus: 'scheduled',
        sittingStartedAt: null,
        durationMinutes: 10,
        patientName: patients[0]!.name,
        patientOwnerId: owner.id,
        doctorName: doctor.user.name,
        doctorUserId: doctor.user.id,
      });
      expect(await subject().uow.read.appointments.details(2_000_000_000)).toBeUndefined();
    });

    it('refuses a full sitting with SITTING_FULL and a second place for a patient with ALREADY_BOOKED', async () => {
      const { sitting, patients } = await world(2, 3);
      await book(sitting, patients[0]!);
      await expectDomainError(book(sitting, patients[0]!), 'ALREADY_BOOKED');
      await book(sitting, patients[1]!);
      await expectDomainError(book(sitting, patients[2]!), 'SITTING_FULL');
      expect(await subject().uow.read.sittings.findById(sitting.id)).toMatchObject({ booked: 2 });
    });

    it('refuses cancelled, completed and unknown sittings', async () => {
      const { sitting, patients } = await world(5, 1);
      const other = await world(5, 1, '2026-01-19');
      await tx((r) => r.sittings.setStatus(sitting.id, 'cancelled', ['scheduled']));
      await tx((r) => r.sittings.setStatus(other.sitting.id, 'completed', ['scheduled']));
      await expectDomainError(book(sitting, patients[0]!), 'SITTING_CANCELLED');
      await expectDomainError(book(other.sitting, other.patients[0]!), 'SITTING_CLOSED');
      await expectDomainError(
        book({ ...sitting, id: 2_000_000_000 }, patients[0]!),
        'SITTING_NOT_FOUND',
      );
    });

    it('reuses the lowest queue number a cancellation freed, and lets the patient book again', async () => {
      const { sitting, patients } = await world(3, 4);
      const [a, b, c] = [
        await book(sitting, patients[0]!),
        await book(sitting, patients[1]!),
        await book(sitting, patients[2]!),
      ];
      await expectDomainError(book(sitting, patients[3]!), 'SITTING_FULL');
      expect(await cancel(b.id)).toMatchObject({ id: b.id, status: 'cancelled', queueNumber: 2 });
      expect(await subject().uow.read.sittings.findById(sitting.id)).toMatchObject({ booked: 2 });
      expect(await book(sitting, patients[3]!)).toMatchObject({ queueNumber: 2 });
      await cancel(c.id);
      await cancel(a.id);
      expect(await book(sitting, patients[1]!)).toMatchObject({ queueNumber: 1 });
      expect(await subject().uow.read.sittings.findById(sitting.id)).toMatchObject({ booked: 2 });
    });

    it('keeps idempotency keys unique per booking user (IDEMPOTENCY_KEY_REUSED) and finds by key', async () => {
      const { sitting, patients, owner } = await world(5, 2);
      const key = `key-${unique()}`;
      const first = await book(sitting, patients[0]!, key);
      expect(first.idempotencyKey).toBe(key);
      await expectDomainError(book(sitting, patients[1]!, key), 'IDEMPOTENCY_KEY_REUSED');
      expect(await subject().uow.read.sittings.findById(sitting.id)).toMatchObject({ booked: 1 });
      expect(await subject().uow.read.appointments.findByIdempotencyKey(owner.id, key)).toEqual(
        first,
      );
      expect(
        await subject().uow.read.appointments.findByIdempotencyKey(owner.id, `key-${unique()}`),
      ).toBeUndefined();
      const stranger = await world(5, 1);
      expect(await book(stranger.sitting, stranger.patients[0]!, key)).toMatchObject({
        idempotencyKey: key,
      });
    });

    it('books atomically: 60 concurrent bookings of a 10-place sitting give 10 places, numbers 1..10 once each', async () => {
      const { sitting, patients } = await world(10, 60);
      const outcomes = await Promise.allSettled(patients.map((p) => book(sitting, p)));
      const won = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
      const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
      expect(won).toHaveLength(10);
      expect(won.map((a) => a.queueNumber).sort((x, y) => x - y)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
      ]);
      expect(lost.every((e) => isDomainError(e, 'SITTING_FULL'))).toBe(true);
      expect(await subject().uow.read.sittings.findById(sitting.id)).toMatchObject({ booked: 10 });
      expect((await subject().uow.read.appointments.listBySitting(sitting.id)).length).toBe(10);
    });

    it('gives one place to a patient booking twice at the same moment', async () => {
      const { sitting, patients } = await world(10, 1);
      const outcomes = await Promise.allSettled([
        book(sitting, patients[0]!),
        book(sitting, patients[0]!),
        book(sitting, patients[0]!),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(
        outcomes.every(
          (o) => o.status === 'fulfilled' || isDomainError(o.reason, 'ALREADY_BOOKED'),
        ),
      ).toBe(true);
    });
  });

  describe('appointments: status changes and lists', () => {
    it('changes status only from the given statuses, recording who, when and why', async () => {
      const { sitting, patients, owner } = await world(5, 1);
      const appointment = await book(sitting, patients[0]!);
      const at = new Date('2026-01-12T10:05:00.000Z');
      const change = { to: 'completed' as const, actorId: owner.id, at, reason: null };
      expect(
        await tx((r) =>
          r.appointments.transition(appointment.id, { ...change, from: ['checked_in'] }),
        ),
      ).toBeUndefined();
      expect(
        await tx((r) =>
          r.appointments.transition(appointment.id, {
            ...change,
            to: 'checked_in',
            from: ['booked'],
            reason: 'arrived',
          }),
        ),
      ).toMatchObject({ status: 'checked_in', queueNumber: 1 });
      expect(
        await tx((r) =>
          r.appointments.transition(appointment.id, { ...change, from: ['checked_in'] }),
        ),
      ).toMatchObject({ status: 'completed' });
      expect(
        await tx((r) => r.appointments.transition(2_000_000_000, { ...change, from: ['booked'] })),
      ).toBeUndefined();
      expect(await subject().uow.read.sittings.findById(sitting.id)).toMatchObject({ booked: 1 });
      expect(
        (await subject().uow.read.appointments.history(appointment.id)).map((h) => [
          h.status,
          h.actorId,
          h.reason,
          h.at.toISOString(),
        ]),
      ).toEqual([
        ['booked', owner.id, null, contractNow.toISOString()],
        ['checked_in', owner.id, 'arrived', at.toISOString()],
        ['completed', owner.id, null, at.toISOString()],
      ]);
    });

    it('changes every matching appointment of a sitting at once and frees the cancelled places', async () => {
      const { sitting, patients } = await world(5, 4);
      const booked: Appointment[] = [];
      for (const p of patients) booked.push(await book(sitting, p));
      await tx((r) =>
        r.appointments.transition(booked[1]!.id, {
          from: ['booked'],
          to: 'checked_in',
          actorId: null,
          at: contractNow,
          reason: null,
        }),
      );
      await tx((r) =>
        r.appointments.transition(booked[2]!.id, {
          from: ['booked'],
          to: 'completed',
          actorId: null,
          at: contractNow,
          reason: null,
        }),
      );
      const moved = await tx((r) =>
        r.appointments.transitionAllInSitting(sitting.id, {
          from: ['booked', 'checked_in'],
          to: 'cancelled',
          actorId: null,
          at: contractNow,
          reason: 'sitting cancelled',
        }),
      );
      expect(moved.map((a) => [a.id, a.status])).toEqual([
        [booked[0]!.id, 'cancelled'],
        [booked[1]!.id, 'cancelled'],
        [booked[3]!.id, 'cancelled'],
      ]);
      expect(await subject().uow.read.sittings.findById(sitting.id)).toMatchObject({ booked: 1 });
      const listed = await subject().uow.read.appointments.listBySitting(sitting.id);
      expect(listed.map((d) => [d.appointment.queueNumber, d.appointment.status])).toEqual([
        [1, 'cancelled'],
        [2, 'cancelled'],
        [3, 'completed'],
        [4, 'cancelled'],
      ]);
    });

    it("lists a booker's appointments newest sitting first, paged", async () => {
      const owner = await tx((r) => newUser(r));
      const dates = ['2026-04-06', '2026-04-20', '2026-04-13'];
      for (const date of dates) {
        const { sitting } = await world(5, 0, date);
        const patient = await tx((r) => newPatient(r, owner.id));
        await book(sitting, patient);
      }
      const all = await subject().uow.read.appointments.listByBooker(owner.id, {
        limit: 10,
        offset: 0,
      });
      expect(all.total).toBe(3);
      expect(all.items.map((d) => d.date)).toEqual(['2026-04-20', '2026-04-13', '2026-04-06']);
      const page = await subject().uow.read.appointments.listByBooker(owner.id, {
        limit: 1,
        offset: 1,
      });
      expect(page).toMatchObject({ total: 3, items: [{ date: '2026-04-13' }] });
    });

    it("knows a doctor's patients: distinct, by name, without cancelled ones", async () => {
      const { sitting, patients, doctorId } = await world(10, 3);
      const next = await tx(async (r) =>
        newSitting(r, (await r.slots.findById(sitting.slotId))!, '2026-01-19'),
      );
      const byName = [...patients].sort((a, b) => a.name.localeCompare(b.name));
      await book(sitting, patients[2]!);
      await book(next, patients[2]!);
      await book(sitting, patients[0]!);
      const gone = await book(sitting, patients[1]!);
      await cancel(gone.id);
      const page = await subject().uow.read.appointments.patientsOfDoctor(doctorId, {
        limit: 10,
        offset: 0,
      });
      expect(page.total).toBe(2);
      expect(page.items.map((p) => p.id)).toEqual([byName[0]!.id, byName[2]!.id]);
      expect(
        await subject().uow.read.appointments.isPatientOfDoctor(patients[0]!.id, doctorId),
      ).toBe(true);
      expect(
        await subject().uow.read.appointments.isPatientOfDoctor(patients[1]!.id, doctorId),
      ).toBe(false);
      const second = await subject().uow.read.appointments.patientsOfDoctor(doctorId, {
        limit: 1,
        offset: 1,
      });
      expect(second).toMatchObject({ total: 2, items: [{ id: patients[2]!.id }] });
    });
  });
}
