import type { z } from 'zod';
import { DomainError } from '../shared/domain-error.js';
import type { Actor } from '../identity/user.js';
import type { NewSlot } from './slot.js';
import type { TimeZone } from '../shared/primitives.js';
import type { Clock } from '../shared/clock.js';
import type { OutboxPublisher } from '../outbox/outbox.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { slotsOverlap } from './slots-overlap.js';
import { AddSlotInput } from '../doctors/doctor-schemas.js';
import type { SlotView } from '../doctors/doctor-view.js';
import { toSlotView } from '../doctors/to-doctor-view.js';
import { doctorOfActor } from '../doctors/doctor-of-actor.js';
import { commit } from '../shared/commit.js';
import { parseInput } from '../shared/parse-input.js';
import { holdLeaveDatesOfNewSlot } from '../leave/hold-leave-dates.js';

/** Configuration of {@link AddSlot}. @category Use cases */
export interface AddSlotOptions {
  /** The zone of slots whose input names none (config `DEFAULT_TIMEZONE`). */
  readonly defaultTimeZone: TimeZone;
}

/**
 * Adds a weekly slot to the calling doctor's schedule (`POST /doctors/add_slot`). A slot
 * that overlaps another of the doctor's slots is refused with `SLOT_OVERLAP`: checked here
 * for a clear answer, and by the repository, which alone can be sure under concurrency.
 * A slot added during a leave gets the leave's dates cancelled in the same transaction.
 * @category Use cases
 */
export class AddSlot {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly publisher: OutboxPublisher,
    private readonly clock: Clock,
    private readonly options: AddSlotOptions = { defaultTimeZone: 'UTC' },
  ) {}

  async execute(actor: Actor, input: z.input<typeof AddSlotInput>): Promise<SlotView> {
    const parsed = parseInput(AddSlotInput, input);
    const now = this.clock.now();
    return commit(this.uow, this.publisher, now, async (repositories) => {
      const doctor = await doctorOfActor(repositories.doctors, actor, 'profile.addSlot');
      const slot: NewSlot = {
        doctorId: doctor.id,
        day: parsed.day,
        start: parsed.start,
        durationMinutes: parsed.appointment_duration,
        places: parsed.num_slots,
        fee: parsed.consultation_fee,
        timeZone: parsed.time_zone ?? this.options.defaultTimeZone,
        createdAt: now,
      };
      const clash = (await repositories.slots.listByDoctor(doctor.id)).find((other) =>
        slotsOverlap(slot, other),
      );
      if (clash) {
        throw new DomainError(
          'SLOT_OVERLAP',
          `It overlaps your ${clash.day} slot at ${clash.start} (slot ${clash.id}).`,
        );
      }
      const created = await repositories.slots.create(slot);
      // Added while the doctor is on leave: the leave's dates are cancelled now, or the
      // worker would create them.
      const onLeave = await holdLeaveDatesOfNewSlot(repositories, created, actor, now);
      return {
        result: toSlotView(created),
        events: [{ type: 'doctor.changed', doctorId: doctor.id }, ...onLeave],
      };
    });
  }
}
