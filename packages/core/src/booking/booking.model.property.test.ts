import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppointmentStatus } from './appointment.js';
import type { Actor } from '../identity/user.js';
import { BookingWorld } from './booking-fixture.js';

/**
 * Model-based test of booking: random sequences of book / cancel / check-in / complete /
 * cancel-sitting on one small sitting, run against the real use cases over the in-memory
 * store and against a model a reader can check by eye.
 */

const places = 3;
const patientCount = 5;
const date = '2026-01-12';

interface Place {
  id: number;
  queue: number;
  status: AppointmentStatus;
}
interface Model {
  cancelled: boolean;
  /** The latest appointment of each patient (by index). */
  latest: Map<number, Place>;
}
interface Real {
  world: BookingWorld;
  uc: ReturnType<BookingWorld['useCases']>;
  user: Actor;
  doctor: Actor;
  slotId: number;
  patients: number[];
}

const active = (m: Model): Place[] =>
  [...m.latest.values()].filter((p) => p.status !== 'cancelled');
const open = (p: Place | undefined): boolean =>
  p?.status === 'booked' || p?.status === 'checked_in';

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  return 'accepted';
}

/** Checks the store against the model and the rules after every step. */
async function checkInvariants(m: Model, r: Real): Promise<void> {
  const sitting = await r.world.uow.read.sittings.findBySlotAndDate(r.slotId, date);
  if (!sitting) {
    expect(m.latest.size).toBe(0);
    return;
  }
  const all = await r.world.uow.read.appointments.listBySitting(sitting.id);
  const held = all.filter((d) => d.appointment.status !== 'cancelled');
  expect(held.length).toBeLessThanOrEqual(places);
  expect(new Set(held.map((d) => d.appointment.queueNumber)).size).toBe(held.length);
  expect(sitting.booked).toBe(held.length);
  expect(sitting.status).toBe(m.cancelled ? 'cancelled' : 'scheduled');
  for (const place of m.latest.values()) {
    const found = all.find((d) => d.appointment.id === place.id);
    expect([found?.appointment.status, found?.appointment.queueNumber]).toEqual([
      place.status,
      place.queue,
    ]);
  }
}

class Book implements fc.AsyncCommand<Model, Real> {
  constructor(readonly patient: number) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    const call = r.uc.book.execute(r.user, {
      patient_id: r.patients[this.patient]!,
      slot_id: r.slotId,
      date,
    });
    const taken = new Set(active(m).map((p) => p.queue));
    const mine = m.latest.get(this.patient);
    if (m.cancelled) expect(await refusal(call)).toBe('SITTING_CANCELLED');
    else if (mine && mine.status !== 'cancelled')
      expect(await refusal(call)).toBe('ALREADY_BOOKED');
    else if (taken.size >= places) expect(await refusal(call)).toBe('SITTING_FULL');
    else {
      const view = await call;
      // The lowest free number: a number freed by a cancellation is reused first.
      let queue = 1;
      while (taken.has(queue)) queue += 1;
      expect(view.queue_number).toBe(queue);
      m.latest.set(this.patient, { id: view.id, queue, status: 'booked' });
    }
    await checkInvariants(m, r);
  }
  toString = (): string => `book(${this.patient})`;
}

class Change implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly patient: number,
    readonly to: 'cancelled' | 'checked_in' | 'completed',
  ) {}
  check = (m: Readonly<Model>): boolean => m.latest.has(this.patient);
  async run(m: Model, r: Real): Promise<void> {
    const place = m.latest.get(this.patient)!;
    const id = place.id;
    const call =
      this.to === 'cancelled'
        ? r.uc.cancel.execute(r.user, { id })
        : this.to === 'checked_in'
          ? r.uc.checkIn.execute(r.doctor, { id })
          : r.uc.complete.execute(r.doctor, { id });
    const allowed = this.to === 'checked_in' ? place.status === 'booked' : open(place);
    if (allowed) {
      expect((await call).status).toBe(this.to);
      place.status = this.to;
    } else {
      expect(await refusal(call)).toBe('INVALID_STATUS_TRANSITION');
    }
    await checkInvariants(m, r);
  }
  toString = (): string => `${this.to}(${this.patient})`;
}

class CancelTheSitting implements fc.AsyncCommand<Model, Real> {
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    await r.uc.cancelSitting.execute(r.doctor, { slot_id: r.slotId, date });
    m.cancelled = true;
    for (const place of m.latest.values()) if (open(place)) place.status = 'cancelled';
    await checkInvariants(m, r);
  }
  toString = (): string => 'cancelSitting';
}

async function setup(): Promise<{ model: Model; real: Real }> {
  const world = new BookingWorld();
  const dr = await world.doctor();
  const slot = await world.slot(dr.doctor.id, { places });
  const user = await world.user();
  const patients: number[] = [];
  for (let i = 0; i < patientCount; i++) patients.push((await world.patient(user, `P${i}`)).id);
  return {
    model: { cancelled: false, latest: new Map() },
    real: { world, uc: world.useCases(), user, doctor: dr.actor, slotId: slot.id, patients },
  };
}

describe('booking against a model', () => {
  it('never exceeds capacity, keeps queue numbers unique, reuses freed numbers first, and refuses a cancelled sitting', async () => {
    const patient = fc.integer({ min: 0, max: patientCount - 1 });
    const commands = fc.commands(
      [
        patient.map((p) => new Book(p)),
        patient.map((p) => new Book(p)),
        patient.map((p) => new Change(p, 'cancelled')),
        patient.map((p) => new Change(p, 'checked_in')),
        patient.map((p) => new Change(p, 'completed')),
        fc.constant(new CancelTheSitting()),
      ],
      { maxCommands: 25 },
    );
    await fc.assert(
      fc.asyncProperty(commands, (cmds) => fc.asyncModelRun(setup, cmds)),
      { numRuns: 300 },
    );
  });
});
