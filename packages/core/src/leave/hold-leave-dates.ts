import type { Actor } from '../identity/user.js';
import type { DomainEvent } from '../shared/domain-event.js';
import type { Repositories } from '../shared/unit-of-work.js';
import type { Slot } from '../scheduling/slot.js';
import { addDays } from '../scheduling/local-date.js';
import { newSittingOf } from '../scheduling/sitting-calendar.js';
import { localDateOf } from '../scheduling/wall-clock.js';
import { appointmentChanged, sittingChanged } from '../booking/appointment-events.js';
import type { Leave } from './leave.js';
import { leaveDates, type LeaveDate } from './leave-dates.js';
import { expireWaitlistOfCancelled } from './expire-waitlist-of-cancelled.js';

/** What holding a leave's dates did. */
export interface HeldDates {
  readonly sittings: number;
  readonly appointments: number;
  readonly events: readonly DomainEvent[];
}

/**
 * Inside a transaction: makes every sitting of `dates` cancelled and `leave`'s (created
 * cancelled when not stored yet), cancels the booked and checked-in appointments of the ones
 * it cancelled with the leave's reason and `actor` (the sitting's places, version and
 * history kept exact by `transitionAllInSitting`), expires their waitlists, and adds to the
 * leave's counts. Events: `sitting.changed` per sitting, `appointment.changed` per
 * appointment.
 */
export async function holdLeaveDates(
  repositories: Repositories,
  leave: Leave,
  dates: readonly LeaveDate[],
  actor: Actor,
  now: Date,
): Promise<HeldDates> {
  if (dates.length === 0) return { sittings: 0, appointments: 0, events: [] };
  const { created, cancelled: stored } = await repositories.leaves.cancelSittings(
    leave.id,
    dates.map(({ slot, times }) => newSittingOf(slot, times)),
  );
  const events: DomainEvent[] = [...created, ...stored].map(sittingChanged);
  let appointments = 0;
  // Only a sitting that was stored can hold appointments or a waitlist.
  for (const sitting of stored) {
    if (sitting.booked > 0) {
      const cancelled = await repositories.appointments.transitionAllInSitting(sitting.id, {
        from: ['booked', 'checked_in'],
        to: 'cancelled',
        actorId: actor.userId,
        at: now,
        reason: leave.reason === '' ? 'the doctor is on leave' : leave.reason,
      });
      appointments += cancelled.length;
      events.push(...cancelled.map(appointmentChanged));
    }
    events.push(...(await expireWaitlistOfCancelled(repositories, sitting.id, now)));
  }
  const sittings = created.length + stored.length;
  await repositories.leaves.addCounts(leave.id, sittings, appointments);
  return { sittings, appointments, events };
}

/**
 * Inside AddSlot's transaction: a slot added while the doctor is on leave gets the leave's
 * dates cancelled at once, or the worker would create them. Takes the doctor's leave lock
 * first, so a leave taken concurrently sees the slot or the slot sees the leave. Overlapping
 * leaves: each date goes to the first one (lowest id).
 */
export async function holdLeaveDatesOfNewSlot(
  repositories: Repositories,
  slot: Slot,
  actor: Actor,
  now: Date,
): Promise<readonly DomainEvent[]> {
  await repositories.leaves.lockDoctor(slot.doctorId);
  // A day before today in UTC is before today in every zone: earlier leaves are all past.
  const since = addDays(localDateOf(now, 'UTC'), -1);
  const events: DomainEvent[] = [];
  for (const leave of await repositories.leaves.listActive(slot.doctorId, since)) {
    const held = await holdLeaveDates(
      repositories,
      leave,
      leaveDates([slot], leave, now),
      actor,
      now,
    );
    events.push(...held.events);
  }
  return events;
}
