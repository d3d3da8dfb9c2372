import fc from 'fast-check';
import { expect } from 'vitest';
import { activePlaces, bookingOutcome, expire, joinOutcome, promote, type Model } from './model.js';
import { modelDate, type ModelReal } from './world.js';

type Command = fc.AsyncCommand<Model, ModelReal>;

/** The code a call is refused with, or `accepted`. */
async function outcomeOf<T>(call: Promise<T>): Promise<{ code: string } | { value: T }> {
  try {
    return { value: await call };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string') throw error;
    return { code };
  }
}

/** The model's answer for a call the model refuses: the store must refuse it the same way. */
async function expectRefused(call: Promise<unknown>, code: string): Promise<void> {
  const outcome = await outcomeOf(call);
  expect('code' in outcome ? outcome.code : 'accepted').toBe(code);
}

/** Learns the ids of places the model gave by promotion (the store chose them). */
async function learnIds(m: Model, r: ModelReal): Promise<void> {
  for (const [i, s] of m.sittings.entries()) {
    const all = await r.uow.read.appointments.listBySitting(r.sittingIds[i]!);
    for (const [patient, place] of s.latest) {
      if (place.id !== -1) continue;
      const found = all.filter(
        (d) =>
          d.appointment.patientId === r.patients[patient] && d.appointment.status !== 'cancelled',
      );
      expect(found).toHaveLength(1);
      place.id = found[0]!.appointment.id;
    }
  }
}

/** The store against the model, and the rules that hold whatever happened. */
export async function checkModel(m: Model, r: ModelReal): Promise<void> {
  await learnIds(m, r);
  for (const [i, s] of m.sittings.entries()) {
    const id = r.sittingIds[i]!;
    const sitting = (await r.uow.read.sittings.findById(id))!;
    const all = await r.uow.read.appointments.listBySitting(id);
    const active = all.filter((d) => d.appointment.status !== 'cancelled');
    expect({ sitting: i, status: sitting.status }).toEqual({ sitting: i, status: s.status });
    expect(active.length).toBeLessThanOrEqual(s.places);
    expect(sitting.booked).toBe(active.length);
    expect(active.length).toBe(activePlaces(s).length);
    expect(new Set(active.map((d) => d.appointment.queueNumber)).size).toBe(active.length);
    for (const place of s.latest.values()) {
      const found = all.find((d) => d.appointment.id === place.id);
      expect([found?.appointment.status, found?.appointment.queueNumber]).toEqual([
        place.status,
        place.queue,
      ]);
    }
    const waiting = await r.uow.read.waitlist.waiting(id);
    expect(waiting.map((e) => e.patientId)).toEqual(s.waiting.map((p) => r.patients[p]));
    for (const entry of s.entries.values()) {
      const found = await r.uow.read.waitlist.details(entry.id);
      expect(found?.entry.status).toBe(entry.status);
      if (entry.status === 'promoted') expect(found?.entry.appointmentId).toBe(entry.place?.id);
    }
    // A free place is never left empty while someone waits for it.
    if (s.status === 'scheduled' && s.waiting.length > 0)
      expect(activePlaces(s).length).toBe(s.places);
    for (const d of all) {
      const history = await r.uow.read.appointments.history(d.appointment.id);
      expect(history[0]?.status).toBe('booked');
      expect(history.at(-1)?.status).toBe(d.appointment.status);
    }
  }
}

const other = (s: 0 | 1): 0 | 1 => (s === 0 ? 1 : 0);

class Book implements Command {
  constructor(
    readonly patient: number,
    readonly s: 0 | 1,
  ) {}
  check = () => true;
  async run(m: Model, r: ModelReal) {
    const sitting = m.sittings[this.s];
    const expected = bookingOutcome(sitting, this.patient);
    const call = r.cases.book.execute(r.user, {
      patient_id: r.patients[this.patient]!,
      slot_id: r.slots[this.s].id,
      date: modelDate,
    });
    if (typeof expected === 'string') await expectRefused(call, expected);
    else {
      const view = await call;
      expect(view.queue_number).toBe(expected);
      sitting.latest.set(this.patient, { id: view.id, queue: expected, status: 'booked' });
    }
    await checkModel(m, r);
  }
  toString = () => `book(p${this.patient}, s${this.s})`;
}

class Cancel implements Command {
  constructor(
    readonly patient: number,
    readonly s: 0 | 1,
    readonly by: 'patient' | 'doctor',
  ) {}
  check = (m: Readonly<Model>) => m.sittings[this.s].latest.has(this.patient);
  async run(m: Model, r: ModelReal) {
    const sitting = m.sittings[this.s];
    const place = sitting.latest.get(this.patient)!;
    const actor = this.by === 'patient' ? r.user : r.doctor;
    const call = r.cases.cancel.execute(actor, { id: place.id });
    if (place.status !== 'booked') await expectRefused(call, 'INVALID_STATUS_TRANSITION');
    else {
      expect((await call).status).toBe('cancelled');
      place.status = 'cancelled';
      promote(sitting);
    }
    await checkModel(m, r);
  }
  toString = () => `cancel(p${this.patient}, s${this.s}, by ${this.by})`;
}

class Reschedule implements Command {
  constructor(
    readonly patient: number,
    readonly s: 0 | 1,
  ) {}
  check = (m: Readonly<Model>) => m.sittings[this.s].latest.has(this.patient);
  async run(m: Model, r: ModelReal) {
    const from = m.sittings[this.s];
    const to = m.sittings[other(this.s)];
    const place = from.latest.get(this.patient)!;
    const call = r.cases.reschedule.execute(r.user, {
      id: place.id,
      slot_id: r.slots[other(this.s)].id,
      date: modelDate,
    });
    const expected =
      place.status !== 'booked' ? 'INVALID_STATUS_TRANSITION' : bookingOutcome(to, this.patient);
    if (typeof expected === 'string') await expectRefused(call, expected);
    else {
      const view = await call;
      expect(view.queue_number).toBe(expected);
      place.status = 'cancelled';
      to.latest.set(this.patient, { id: view.id, queue: expected, status: 'booked' });
      promote(from);
      const old = await r.uow.read.appointments.findById(place.id);
      expect(old?.rescheduledTo).toBe(view.id);
    }
    await checkModel(m, r);
  }
  toString = () => `reschedule(p${this.patient}, s${this.s} → s${other(this.s)})`;
}

class Join implements Command {
  constructor(
    readonly patient: number,
    readonly s: 0 | 1,
  ) {}
  check = () => true;
  async run(m: Model, r: ModelReal) {
    const sitting = m.sittings[this.s];
    const expected = joinOutcome(sitting, this.patient);
    const call = r.cases.join.execute(r.user, {
      patient_id: r.patients[this.patient]!,
      slot_id: r.slots[this.s].id,
      date: modelDate,
    });
    if (typeof expected === 'string') await expectRefused(call, expected);
    else {
      const view = await call;
      expect([view.status, view.position]).toEqual(['waiting', expected]);
      sitting.waiting.push(this.patient);
      sitting.entries.set(this.patient, { id: view.id, status: 'waiting' });
    }
    await checkModel(m, r);
  }
  toString = () => `join(p${this.patient}, s${this.s})`;
}

class Leave implements Command {
  constructor(
    readonly patient: number,
    readonly s: 0 | 1,
  ) {}
  check = (m: Readonly<Model>) => m.sittings[this.s].entries.has(this.patient);
  async run(m: Model, r: ModelReal) {
    const sitting = m.sittings[this.s];
    const entry = sitting.entries.get(this.patient)!;
    const call = r.cases.leave.execute(r.user, { id: entry.id });
    if (entry.status !== 'waiting') await expectRefused(call, 'INVALID_STATUS_TRANSITION');
    else {
      expect((await call).status).toBe('left');
      entry.status = 'left';
      sitting.waiting = sitting.waiting.filter((p) => p !== this.patient);
    }
    await checkModel(m, r);
  }
  toString = () => `leave(p${this.patient}, s${this.s})`;
}

class Start implements Command {
  constructor(readonly s: 0 | 1) {}
  check = () => true;
  async run(m: Model, r: ModelReal) {
    const sitting = m.sittings[this.s];
    const call = r.cases.start.execute(r.doctor, { id: r.sittingIds[this.s] });
    if (sitting.status === 'cancelled') await expectRefused(call, 'SITTING_CANCELLED');
    else {
      expect((await call).status).toBe('in_progress');
      sitting.status = 'in_progress';
      expire(sitting);
    }
    await checkModel(m, r);
  }
  toString = () => `start(s${this.s})`;
}

class CancelTheSitting implements Command {
  constructor(readonly s: 0 | 1) {}
  check = () => true;
  async run(m: Model, r: ModelReal) {
    const sitting = m.sittings[this.s];
    const call = r.cases.cancelSitting.execute(r.doctor, {
      slot_id: r.slots[this.s].id,
      date: modelDate,
    });
    if (sitting.status === 'in_progress') await expectRefused(call, 'SITTING_CLOSED');
    else {
      await call;
      sitting.status = 'cancelled';
      for (const place of sitting.latest.values()) place.status = 'cancelled';
      expire(sitting);
    }
    await checkModel(m, r);
  }
  toString = () => `cancelSitting(s${this.s})`;
}

/** Random command sequences over `patients` patients and the two sittings. */
export function modelCommands(patients: number): fc.Arbitrary<Iterable<Command>> {
  const patient = fc.integer({ min: 0, max: patients - 1 });
  const s = fc.constantFrom<0 | 1>(0, 1);
  const by = fc.constantFrom<'patient' | 'doctor'>('patient', 'doctor');
  const command: fc.Arbitrary<Command> = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(patient, s).map(([p, x]) => new Book(p, x)) },
    { weight: 2, arbitrary: fc.tuple(patient, s, by).map(([p, x, b]) => new Cancel(p, x, b)) },
    { weight: 3, arbitrary: fc.tuple(patient, s).map(([p, x]) => new Reschedule(p, x)) },
    { weight: 4, arbitrary: fc.tuple(patient, s).map(([p, x]) => new Join(p, x)) },
    { weight: 1, arbitrary: fc.tuple(patient, s).map(([p, x]) => new Leave(p, x)) },
    { weight: 1, arbitrary: s.map((x) => new Start(x)) },
    { weight: 1, arbitrary: s.map((x) => new CancelTheSitting(x)) },
  );
  return fc.commands([command], { maxCommands: 30, size: 'large' });
}
