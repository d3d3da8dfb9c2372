import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../shared/domain-event.js';
import { DomainError } from '../shared/domain-error.js';
import type { Repositories } from '../shared/unit-of-work.js';
import {
  contractNow,
  expectDomainError,
  newDoctor,
  newPatient,
  newSitting,
  newSlot,
  newUser,
  rejectionOf,
  unique,
} from './contract-support.js';
import type { UnitOfWorkSubject } from './unit-of-work-contract.js';

/** A `user.changed` event no other test writes, to find in the outbox. */
function markerEvent(): DomainEvent {
  return {
    type: 'user.changed',
    userId: 1_000_000_000 + Math.floor(Math.random() * 1_000_000_000),
  };
}

/** All or nothing, outbox included; the error thrown by the work comes out as is. */
export function describeTransactionContract(subject: () => UnitOfWorkSubject): void {
  const tx = <T>(work: (r: Repositories) => Promise<T>): Promise<T> =>
    subject().uow.transaction(work);
  const inOutbox = async (event: DomainEvent) =>
    (await subject().outbox.pending(100_000)).some(
      (e) => JSON.stringify(e.event) === JSON.stringify(event),
    );

  describe('transactions', () => {
    it("commits the work and the outbox events together and returns the work's result", async () => {
      const email = `commit-${unique()}@example.test`;
      const event = markerEvent();
      const result = await tx(async (r) => {
        const user = await r.users.create({
          name: 'C',
          email,
          passwordHash: 'h',
          role: 'user',
          registeredAt: contractNow,
          confirmed: false,
        });
        await r.outbox.append([event], contractNow);
        return user.id;
      });
      expect((await subject().uow.read.users.findByEmail(email))?.id).toBe(result);
      const entry = (await subject().outbox.pending(100_000)).find(
        (e) => JSON.stringify(e.event) === JSON.stringify(event),
      );
      expect(entry).toMatchObject({ event, attempts: 0, lastError: null });
      expect(entry!.createdAt.getTime()).toBe(contractNow.getTime());
    });

    it('persists nothing, outbox included, when the work throws, and rethrows the same error', async () => {
      const email = `rollback-${unique()}@example.test`;
      const event = markerEvent();
      const failure = new Error('boom');
      const { doctor } = await tx((r) => newDoctor(r));
      const error = await rejectionOf(
        tx(async (r) => {
          const user = await newUser(r);
          await r.users.create({
            name: 'R',
            email,
            passwordHash: 'h',
            role: 'user',
            registeredAt: contractNow,
            confirmed: false,
          });
          await r.patients.create({
            ownerId: user.id,
            name: 'P',
            age: 3,
            gender: 'male',
            symptoms: '',
            createdAt: contractNow,
          });
          await r.doctors.update(doctor.id, { description: 'rolled back' });
          await r.outbox.append([event], contractNow);
          throw failure;
        }),
      );
      expect(error).toBe(failure);
      expect(await subject().uow.read.users.findByEmail(email)).toBeUndefined();
      expect(await subject().uow.read.doctors.findById(doctor.id)).toMatchObject({
        description: 'A doctor',
      });
      expect(await inOutbox(event)).toBe(false);
    });

    it('rolls back earlier writes when a repository refuses (a failed booking leaves no trace)', async () => {
      const { slot, owner } = await tx(async (r) => {
        const { doctor } = await newDoctor(r);
        return { slot: await newSlot(r, doctor.id, { places: 1 }), owner: await newUser(r) };
      });
      const sitting = await tx((r) => newSitting(r, slot));
      const [p1, p2] = await tx(async (r) => [
        await newPatient(r, owner.id),
        await newPatient(r, owner.id),
      ]);
      await tx((r) =>
        r.appointments.book({
          sittingId: sitting.id,
          patientId: p1.id,
          bookedBy: owner.id,
          at: contractNow,
          idempotencyKey: null,
        }),
      );
      const event = markerEvent();
      const email = `refused-${unique()}@example.test`;
      await expectDomainError(
        tx(async (r) => {
          await r.users.create({
            name: 'X',
            email,
            passwordHash: 'h',
            role: 'user',
            registeredAt: contractNow,
            confirmed: false,
          });
          await r.outbox.append([event], contractNow);
          await r.appointments.book({
            sittingId: sitting.id,
            patientId: p2.id,
            bookedBy: owner.id,
            at: contractNow,
            idempotencyKey: null,
          });
        }),
        'SITTING_FULL',
      );
      expect(await subject().uow.read.users.findByEmail(email)).toBeUndefined();
      expect(await inOutbox(event)).toBe(false);
      expect(await subject().uow.read.sittings.findById(sitting.id)).toMatchObject({ booked: 1 });
    });

    it('keeps a domain error thrown by the work intact', async () => {
      const error = await rejectionOf(tx(() => Promise.reject(new DomainError('FORBIDDEN', 'no'))));
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'FORBIDDEN' });
    });

    it('commits a transaction begun while another runs after it, keeping the writes of both', async () => {
      const slot = await tx(async (r) => newSlot(r, (await newDoctor(r)).doctor.id));
      const startsAt = new Date('2026-01-12T10:00:00.000Z');
      let started!: () => void;
      let release!: () => void;
      const inside = new Promise<void>((resolve) => {
        started = resolve;
      });
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const first = tx(async (r) => {
        const user = await newUser(r);
        started();
        await gate;
        return user;
      });
      await inside;
      // Begun while `first` holds its transaction open: it must not be lost when `first` commits.
      const second = tx((r) =>
        r.sittings.createMissing([
          {
            slotId: slot.id,
            doctorId: slot.doctorId,
            date: '2026-01-12',
            startsAt,
            endsAt: new Date(startsAt.getTime() + 100 * 60_000),
            places: slot.places,
            durationMinutes: slot.durationMinutes,
          },
        ]),
      );
      release();
      const [user, [sitting]] = await Promise.all([first, second]);
      expect(await subject().uow.read.users.findById(user.id)).toEqual(user);
      expect(await subject().uow.read.sittings.findById(sitting!.id)).toEqual(sitting);
    });
  });
}
