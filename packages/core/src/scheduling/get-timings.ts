import type { z } from 'zod';
import { cacheKeys, cacheTags, cacheTtl } from '../cache/cache-keys.js';
import { ReadThrough } from '../cache/read-through.js';
import { DomainError } from '../shared/domain-error.js';
import type { Slot } from './slot.js';
import type { Cache } from '../cache/cache.js';
import type { Clock } from '../shared/clock.js';
import type { ReadRepositories, UnitOfWork } from '../shared/unit-of-work.js';
import type { BookingPolicy } from './booking-policy.js';
import { nextSitting } from './next-sitting.js';
import { IdParam } from '../shared/common-schemas.js';
import type { TimingView } from '../booking/appointment-view.js';
import { toTimingView } from '../booking/appointment-view.js';
import { cancelledDates, storedSittingsInWindow } from './sitting-calendar.js';
import { parseInput } from '../shared/parse-input.js';

const msPerMinute = 60_000;

/**
 * Each slot of a doctor with its next open sitting and the places taken in it (a slot with
 * no open sitting within the horizon is left out). Cached briefly under the doctor's tag:
 * bookings and cancellations invalidate it by event, and the TTL never outlives the moment
 * the earliest of those sittings closes, when the answer would move on by itself.
 * @category Use cases
 */
export class GetTimings {
  private readonly readThrough: ReadThrough;

  constructor(
    private readonly uow: UnitOfWork,
    cache: Cache,
    private readonly clock: Clock,
    private readonly policy: BookingPolicy,
  ) {
    this.readThrough = new ReadThrough(cache);
  }

  async execute(input: z.input<typeof IdParam>): Promise<TimingView[]> {
    const { id } = parseInput(IdParam, input);
    const now = this.clock.now();
    const read = this.uow.read;
    const doctor = await read.doctors.findById(id);
    if (!doctor) throw new DomainError('DOCTOR_NOT_FOUND', `No doctor ${id}.`);
    const slots = await read.slots.listByDoctor(id);
    const options = { ttlSeconds: this.ttlSeconds(slots, now), tags: [cacheTags.doctor(id)] };
    return this.readThrough.get(cacheKeys.doctorTimings(id), options, () =>
      timingsOf(read, slots, now, this.policy),
    );
  }

  /** Seconds until the first of the slots' next sittings closes, within 1 … the timings TTL. */
  private ttlSeconds(slots: readonly Slot[], now: Date): number {
    let closesAt = Infinity;
    for (const slot of slots) {
      const next = nextSitting(slot, now, this.policy, new Set());
      if (next)
        closesAt = Math.min(
          closesAt,
          next.startsAt.getTime() - this.policy.cutoffMinutes * msPerMinute,
        );
    }
    return Math.max(1, Math.min(cacheTtl.timings, Math.floor((closesAt - now.getTime()) / 1000)));
  }
}

async function timingsOf(
  read: ReadRepositories,
  slots: readonly Slot[],
  now: Date,
  policy: BookingPolicy,
): Promise<TimingView[]> {
  const timings = await Promise.all(
    slots.map(async (slot) => {
      const stored = await storedSittingsInWindow(read.sittings, slot, now, policy);
      const next = nextSitting(slot, now, policy, cancelledDates(stored));
      if (!next) return undefined;
      const sitting = stored.find((s) => s.date === next.date);
      return toTimingView(slot, next, sitting?.booked ?? 0);
    }),
  );
  return timings.filter((timing) => timing !== undefined);
}
