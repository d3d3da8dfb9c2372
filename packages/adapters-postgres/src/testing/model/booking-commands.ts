import fc from 'fast-check';
import {
  canTransition,
  isDomainError,
  type AppointmentStatus,
  type NewSitting,
  type Repositories,
  type UnitOfWork,
} from '@doctorly/core';
import { newUser } from '../fixtures.js';

/** What one store holds for a run: its own ids for the same logical doctor, slot and patients. */
export interface RunWorld {
  readonly sitting: NewSitting;
  readonly bookedBy: number;
  readonly patients: readonly number[];
  /** The latest appointment id of each patient (by index), filled as bookings succeed. */
  readonly latest: Map<number, number>;
}

/** One step of a run, as plain data so that fast-check prints it as a counterexample. */
export type BookingCommand =
  | { readonly kind: 'ensure' }
  | {
      readonly kind: 'book';
      readonly patient: number;
      readonly key: string | null;
      readonly via: 'sittingId' | 'ensure';
    }
  | { readonly kind: 'transition'; readonly patient: number; readonly to: AppointmentStatus }
  | { readonly kind: 'cancelSitting' }
  | { readonly kind: 'completeSitting' };

const statuses: AppointmentStatus[] = ['booked', 'cancelled', 'checked_in', 'completed', 'no_show'];
export const patientCount = 4;
const at = new Date('2026-01-05T09:00:00.000Z');
const date = '2026-01-12';
const nowhere = 2_000_000_000;

/** Random commands: patients and idempotency keys from small pools, so they collide often. */
export const bookingCommand: fc.Arbitrary<BookingCommand> = fc.oneof(
  fc.constant({ kind: 'ensure' as const }),
  fc.record({
    kind: fc.constant('book' as const),
    patient: fc.nat(patientCount - 1),
    key: fc.constantFrom(null, 'k1', 'k1', 'k2'),
    via: fc.constantFrom('sittingId' as const, 'ensure' as const),
  }),
  fc.record({
    kind: fc.constant('book' as const),
    patient: fc.nat(patientCount - 1),
    key: fc.constant(null),
    via: fc.constant('ensure' as const),
  }),
  fc.record({
    kind: fc.constant('transition' as const),
    patient: fc.nat(patientCount - 1),
    to: fc.constantFrom<AppointmentStatus>('cancelled', 'checked_in', 'completed', 'no_show'),
  }),
  fc.constant({ kind: 'cancelSitting' as const }),
  fc.constant({ kind: 'completeSitting' as const }),
);

/** A doctor with one slot of `places` places and a booker with {@link patientCount} patients. */
export function newRunWorld(uow: UnitOfWork, places: number): Promise<RunWorld> {
  return uow.transaction(async (r) => {
    const doctor = await r.doctors.create({
      userId: (await newUser(r, 'Doctor')).id,
      description: 'd',
      image: null,
      createdAt: at,
    });
    const slot = await r.slots.create({
      doctorId: doctor.id,
      day: 'monday',
      start: '08:00',
      durationMinutes: 10,
      places,
      fee: 1,
      timeZone: 'UTC',
      createdAt: at,
    });
    const booker = await newUser(r);
    const patients: number[] = [];
    for (let i = 0; i < patientCount; i++) {
      patients.push(
        (
          await r.patients.create({
            ownerId: booker.id,
            name: `P${i}`,
            age: 30,
            gender: 'other',
            symptoms: '',
            createdAt: at,
          })
        ).id,
      );
    }
    const startsAt = new Date(`${date}T08:00:00.000Z`);
    const sitting: NewSitting = {
      slotId: slot.id,
      doctorId: doctor.id,
      date,
      startsAt,
      endsAt: new Date(startsAt.getTime() + places * 600_000),
      places,
      durationMinutes: 10,
    };
    return { sitting, bookedBy: booker.id, patients, latest: new Map() };
  });
}

/** What a command answered, in terms both stores share: a refusal's code, or what it did. */
export type Outcome = { readonly refused: string } | { readonly done: unknown };

/** Runs `command` through the UnitOfWork port, in one transaction as the use cases do. */
export async function runCommand(
  uow: UnitOfWork,
  w: RunWorld,
  command: BookingCommand,
): Promise<Outcome> {
  const sittingId = async (r: Repositories) =>
    (await r.sittings.findBySlotAndDate(w.sitting.slotId, w.sitting.date))?.id;
  try {
    return {
      done: await uow.transaction(async (r) => {
        switch (command.kind) {
          case 'ensure': {
            const s = await r.sittings.ensure(w.sitting);
            return { status: s.status, booked: s.booked, places: s.places };
          }
          case 'book': {
            const request = {
              patientId: w.patients[command.patient]!,
              bookedBy: w.bookedBy,
              at,
              idempotencyKey: command.key,
            };
            const booked =
              command.via === 'ensure'
                ? (await r.appointments.ensureSittingAndBook({ ...request, sitting: w.sitting }))
                    .appointment
                : await r.appointments.book({
                    ...request,
                    sittingId: (await sittingId(r)) ?? nowhere,
                  });
            w.latest.set(command.patient, booked.id);
            return { queueNumber: booked.queueNumber, status: booked.status };
          }
          case 'transition': {
            const id = w.latest.get(command.patient);
            // From every status the domain allows this change from, as the use cases ask.
            const from = statuses.filter((status) => canTransition(status, command.to));
            const moved = await r.appointments.transition(id ?? nowhere, {
              from,
              to: command.to,
              actorId: null,
              at,
              reason: null,
            });
            return moved && { queueNumber: moved.queueNumber, status: moved.status };
          }
          case 'cancelSitting':
          case 'completeSitting': {
            const id = (await sittingId(r)) ?? nowhere;
            const changed = await r.sittings.setStatus(
              id,
              command.kind === 'cancelSitting' ? 'cancelled' : 'completed',
            );
            if (!changed || command.kind === 'completeSitting') return changed;
            const cancelled = await r.appointments.transitionAllInSitting(id, {
              from: ['booked', 'checked_in'],
              to: 'cancelled',
              actorId: null,
              at,
              reason: 'sitting cancelled',
            });
            return cancelled.map((a) => a.queueNumber).sort();
          }
        }
      }),
    };
  } catch (error) {
    if (isDomainError(error)) return { refused: error.code };
    throw error;
  }
}

/** The sitting and its appointments, by patient index: what both stores must agree on. */
export async function observe(uow: UnitOfWork, w: RunWorld): Promise<unknown> {
  const sitting = await uow.read.sittings.findBySlotAndDate(w.sitting.slotId, w.sitting.date);
  if (!sitting) return 'no sitting';
  const appointments = await uow.read.appointments.listBySitting(sitting.id);
  return {
    status: sitting.status,
    booked: sitting.booked,
    appointments: appointments
      .map((d) =>
        [
          w.patients.indexOf(d.appointment.patientId),
          d.appointment.queueNumber,
          d.appointment.status,
        ].join(' '),
      )
      .sort(),
  };
}
