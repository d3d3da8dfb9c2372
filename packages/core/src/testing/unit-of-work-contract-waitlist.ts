import { describe, expect, it } from 'vitest';
import type { Patient } from '../patients/patient.js';
import type { Sitting } from '../scheduling/sitting.js';
import type { User } from '../identity/user.js';
import type { Repositories } from '../shared/unit-of-work.js';
import { defaultBookingLimits } from '../booking/booking-limits.js';
import { promotionReason } from '../waitlist/waitlist-entry.js';
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

const later = (minutes: number) => new Date(contractNow.getTime() + minutes * 60_000);

/** The waitlist port: join and its refusals, positions, leave, promotion and expiry. */
export function describeWaitlistContract(subject: () => UnitOfWorkSubject): void {
  const tx = <T>(work: (r: Repositories) => Promise<T>): Promise<T> =>
    subject().uow.transaction(work);
  const read = () => subject().uow.read;
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
  const join = (sitting: Sitting, patient: Patient, max = 100, at = contractNow) =>
    tx((r) =>
      r.waitlist.join({
        sitting,
        patientId: patient.id,
        joinedBy: patient.ownerId,
        at,
        limits: { ...defaultBookingLimits, maxActiveAppointmentsPerUser: max },
      }),
    );
  const cancelAndPromote = (id: number, at = contractNow) =>
    tx(async (r) => {
      const cancelled = await r.appointments.transition(id, {
        from: ['booked', 'checked_in'],
        to: 'cancelled',
        actorId: null,
        at,
        reason: 'test',
      });
      return r.waitlist.promote(cancelled!.sittingId, at);
    });

  /** A full sitting of `places` (booked by `booker`'s patients) and `waiters` patients of other users. */
  async function fullSitting(
    places: number,
    waiters: number,
  ): Promise<{ sitting: Sitting; booked: number[]; waiters: Patient[]; booker: User }> {
    const setup = await tx(async (r) => {
      const { doctor } = await newDoctor(r, `Dr ${unique()}`);
      const slot = await newSlot(r, doctor.id, { places });
      const sitting = await newSitting(r, slot, '2026-01-12');
      const booker = await newUser(r);
      const mine = [];
      for (let i = 0; i < places; i++) mine.push(await newPatient(r, booker.id, `Booked ${i}`));
      const others = [];
      for (let i = 0; i < waiters; i++) {
        const owner = await newUser(r);
        others.push(await newPatient(r, owner.id, `Waiter ${i}`));
      }
      return { sitting, mine, others, booker };
    });
    const booked = [];
    for (const p of setup.mine) booked.push((await book(setup.sitting, p)).id);
    return { sitting: setup.sitting, booked, waiters: setup.others, booker: setup.booker };
  }

  describe('waitlist', () => {
    it('queues patients of a full sitting first come first served, with positions', async () => {
      const { sitting, waiters } = await fullSitting(1, 2);
      const first = await join(sitting, waiters[0]!);
      const second = await join(sitting, waiters[1]!);
      expect(first).toMatchObject({
        position: 1,
        patientName: 'Waiter 0',
        entry: { status: 'waiting', sittingId: sitting.id, endedAt: null, appointmentId: null },
      });
      expect(first.entry.joinedBy).toBe(waiters[0]!.ownerId);
      expect(first.sitting.id).toBe(sitting.id);
      expect(second.position).toBe(2);
      expect((await read().waitlist.waiting(sitting.id)).map((e) => e.id)).toEqual([
        first.entry.id,
        second.entry.id,
      ]);
      expect(await read().waitlist.details(second.entry.id)).toEqual(second);
    });

    it('refuses to queue for a sitting with a free place and nobody waiting', async () => {
      const { sitting, waiters } = await fullSitting(1, 1);
      const { doctor } = await tx((r) => newDoctor(r));
      const roomy = await tx(async (r) =>
        newSitting(r, await newSlot(r, doctor.id, { places: 2 }), '2026-01-12'),
      );
      await expectDomainError(join(roomy, waiters[0]!), 'PLACES_AVAILABLE');
      expect(await read().waitlist.waiting(roomy.id)).toEqual([]);
      expect((await join(sitting, waiters[0]!)).position).toBe(1);
    });

    it('refuses a booked patient, a waiting one, and a queue of three per place', async () => {
      const { sitting, waiters, booker } = await fullSitting(1, 4);
      const bookedPatient = await tx(async (r) => {
        const list = await r.patients.listByOwner(booker.id, { limit: 10, offset: 0 });
        return list.items[0]!;
      });
      await expectDomainError(join(sitting, bookedPatient), 'ALREADY_BOOKED');
      await join(sitting, waiters[0]!);
      await expectDomainError(join(sitting, waiters[0]!), 'ALREADY_WAITING');
      await join(sitting, waiters[1]!);
      await join(sitting, waiters[2]!);
      await expectDomainError(join(sitting, waiters[3]!), 'WAITLIST_FULL');
      expect(await read().waitlist.waiting(sitting.id)).toHaveLength(3);
    });

    it('counts waiting entries and active appointments against the claims limit', async () => {
      const { sitting, booker } = await fullSitting(2, 0);
      const other = await fullSitting(1, 0);
      const patient = await tx((r) => newPatient(r, booker.id, 'Claimer'));
      // The booker holds 2 appointments: a limit of 2 refuses, 3 admits one entry, then refuses.
      await expectDomainError(join(other.sitting, patient, 2), 'TOO_MANY_APPOINTMENTS');
      await join(other.sitting, patient, 3);
      const another = await tx((r) => newPatient(r, booker.id, 'Claimer 2'));
      await expectDomainError(join(other.sitting, another, 3), 'TOO_MANY_APPOINTMENTS');
      expect(sitting.id).not.toBe(other.sitting.id);
    });

    it('refuses a cancelled or started sitting', async () => {
      const { sitting, waiters } = await fullSitting(1, 1);
      await expectDomainError(join(sitting, waiters[0]!, 100, sitting.startsAt), 'SITTING_CLOSED');
      await tx((r) => r.sittings.setStatus(sitting.id, 'cancelled', ['scheduled']));
      await expectDomainError(join(sitting, waiters[0]!), 'SITTING_CANCELLED');
    });

    it('lets a waiting entry leave once, moving the others up', async () => {
      const { sitting, waiters } = await fullSitting(1, 2);
      const first = await join(sitting, waiters[0]!);
      const second = await join(sitting, waiters[1]!);
      const left = await tx((r) => r.waitlist.leave(first.entry.id, later(5)));
      expect(left).toMatchObject({ status: 'left', endedAt: later(5) });
      expect(await tx((r) => r.waitlist.leave(first.entry.id, later(6)))).toBeUndefined();
      expect((await read().waitlist.details(second.entry.id))!.position).toBe(1);
      expect((await read().waitlist.details(first.entry.id))!.position).toBeNull();
      // The place it held in the queue is free again: a third patient fits in a 3-per-place queue.
      expect((await join(sitting, waiters[0]!)).position).toBe(2);
    });

    it('promotes the first entry to a freed place with its queue number, as the system', async () => {
      const { sitting, booked, waiters } = await fullSitting(2, 2);
      const first = await join(sitting, waiters[0]!);
      const second = await join(sitting, waiters[1]!);
      const outcome = await cancelAndPromote(booked[0]!, later(1));
      expect(outcome.expired).toEqual([]);
      expect(outcome.promoted).toHaveLength(1);
      const [{ entry, appointment }] = outcome.promoted as [(typeof outcome.promoted)[0]];
      expect(entry).toMatchObject({
        id: first.entry.id,
        status: 'promoted',
        endedAt: later(1),
        appointmentId: appointment.id,
      });
      expect(appointment).toMatchObject({
        sittingId: sitting.id,
        patientId: waiters[0]!.id,
        queueNumber: 1,
        status: 'booked',
        bookedBy: waiters[0]!.ownerId,
        idempotencyKey: null,
      });
      expect(await read().appointments.history(appointment.id)).toEqual([
        {
          appointmentId: appointment.id,
          status: 'booked',
          actorId: null,
          at: later(1),
          reason: promotionReason,
        },
      ]);
      expect((await read().sittings.findById(sitting.id))!.booked).toBe(2);
      expect((await read().waitlist.details(second.entry.id))!.position).toBe(1);
      expect((await read().waitlist.details(first.entry.id))!.position).toBeNull();
    });

    it('promotes in order, the lowest free numbers first, never more than the free places', async () => {
      const { sitting, booked, waiters } = await fullSitting(3, 3);
      const entries = [];
      for (const w of waiters) entries.push((await join(sitting, w)).entry.id);
      const outcome = await tx(async (r) => {
        for (const id of [booked[2]!, booked[0]!]) {
          await r.appointments.transition(id, {
            from: ['booked'],
            to: 'cancelled',
            actorId: null,
            at: contractNow,
            reason: null,
          });
        }
        return r.waitlist.promote(sitting.id, contractNow);
      });
      expect(outcome.promoted.map((p) => [p.entry.id, p.appointment.queueNumber])).toEqual([
        [entries[0], 1],
        [entries[1], 3],
      ]);
      expect((await tx((r) => r.waitlist.promote(sitting.id, contractNow))).promoted).toEqual([]);
      expect((await read().waitlist.waiting(sitting.id)).map((e) => e.id)).toEqual([entries[2]]);
      expect((await read().sittings.findById(sitting.id))!.booked).toBe(3);
    });

    it('expires instead of promoting once the sitting has started', async () => {
      const { sitting, booked, waiters } = await fullSitting(1, 2);
      await join(sitting, waiters[0]!);
      await join(sitting, waiters[1]!);
      const outcome = await cancelAndPromote(booked[0]!, sitting.startsAt);
      expect(outcome.promoted).toEqual([]);
      expect(outcome.expired.map((e) => e.status)).toEqual(['expired', 'expired']);
      expect(await read().waitlist.waiting(sitting.id)).toEqual([]);
      expect((await read().sittings.findById(sitting.id))!.booked).toBe(0);
    });

    it('expires every waiting entry of a sitting, and lists them to their owner with status', async () => {
      const { sitting, waiters } = await fullSitting(1, 2);
      const first = await join(sitting, waiters[0]!);
      await join(sitting, waiters[1]!);
      const expired = await tx((r) => r.waitlist.expire(sitting.id, later(3)));
      expect(expired.map((e) => [e.status, e.endedAt])).toEqual([
        ['expired', later(3)],
        ['expired', later(3)],
      ]);
      expect(await tx((r) => r.waitlist.expire(sitting.id, later(4)))).toEqual([]);
      const mine = await read().waitlist.listByJoiner(waiters[0]!.ownerId, later(3));
      expect(mine.map((d) => [d.entry.id, d.entry.status, d.position])).toEqual([
        [first.entry.id, 'expired', null],
      ]);
      expect(await read().waitlist.listByJoiner(waiters[0]!.ownerId, later(4))).toEqual([]);
    });
  });
}
