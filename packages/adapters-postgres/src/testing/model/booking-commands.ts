import fc from 'fast-check';
import type { AppointmentStatus, NewSitting, UnitOfWork } from '@doctorly/core';
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
      /** The booker's claim limit (`TOO_MANY_APPOINTMENTS`), or none. */
      readonly limit: number | null;
    }
  | { readonly kind: 'transition'; readonly patient: number; readonly to: AppointmentStatus }
  | { readonly kind: 'cancelSitting' }
  | { readonly kind: 'completeSitting' };

export const statuses: AppointmentStatus[] = [
  'booked',
  'cancelled',
  'checked_in',
  'completed',
  'no_show',
];
export const patientCount = 4;
/** When every command and fixture happens. */
export const at = new Date('2026-01-05T09:00:00.000Z');
const date = '2026-01-12';

/**
 * Random commands: patients and idempotency keys from small pools, so they collide often.
 * The booker's claim limits are below the patients' count, so the limit is often reached.
 */
export const bookingCommand: fc.Arbitrary<BookingCommand> = fc.oneof(
  fc.constant({ kind: 'ensure' as const }),
  fc.record({
    kind: fc.constant('book' as const),
    patient: fc.nat(patientCount - 1),
    key: fc.constantFrom(null, 'k1', 'k1', 'k2'),
    via: fc.constantFrom('sittingId' as const, 'ensure' as const),
    limit: fc.constantFrom(null, null, 1, 2, 3),
  }),
  fc.record({
    kind: fc.constant('book' as const),
    patient: fc.nat(patientCount - 1),
    key: fc.constant(null),
    via: fc.constant('ensure' as const),
    limit: fc.constantFrom(null, 1, 2),
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
