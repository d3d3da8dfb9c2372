import type { DoctorId, LocalTime, SlotId, TimeZone, Weekday } from '../shared/primitives.js';

/**
 * A weekly recurring sitting template: every `day` at local `start` in `timeZone`, `places`
 * patients, `durationMinutes` each. It ends at `start + durationMinutes × places`.
 * @category Models
 */
export interface Slot {
  readonly id: SlotId;
  readonly doctorId: DoctorId;
  readonly day: Weekday;
  readonly start: LocalTime;
  readonly durationMinutes: number;
  readonly places: number;
  readonly fee: number;
  readonly timeZone: TimeZone;
  readonly createdAt: Date;
}

/** What a repository needs to create a {@link Slot}. @category Models */
export type NewSlot = Omit<Slot, 'id'>;

/** Bounds of a slot's fields, checked by the input schema and by the database. @category Models */
export const slotLimits = {
  minDurationMinutes: 1,
  maxDurationMinutes: 240,
  minPlaces: 1,
  maxPlaces: 200,
  maxFee: 10_000_000,
} as const;
