import type { z } from 'zod';
import { DomainError } from '../shared/domain-error.js';
import type { Actor } from '../identity/user.js';
import type { Sitting, SittingStatus } from '../scheduling/sitting.js';
import type { Slot } from '../scheduling/slot.js';
import type { LocalDate } from '../shared/primitives.js';
import type { Clock } from '../shared/clock.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import type { BookingPolicy, SittingTimes } from '../scheduling/booking-policy.js';
import { addDays } from '../scheduling/local-date.js';
import { horizonEnd } from '../scheduling/next-sitting.js';
import { isSlotDate, sittingTimes } from '../scheduling/sitting-times.js';
import { localDateOf } from '../scheduling/wall-clock.js';
import { SittingQueueInput } from './booking-schemas.js';
import type { AppointmentView } from './appointment-view.js';
import { toAppointmentView, type LiveTiming } from './appointment-view.js';
import { liveEntryOf, liveTimings } from './live-appointment-views.js';
import { cancelledDates, storedSittingsInWindow } from '../scheduling/sitting-calendar.js';
import { parseInput } from '../shared/parse-input.js';
import { authorized } from '../access/authorize.js';
import { slotFacts } from '../access/facts.js';

/** One sitting's queue as its doctor sees it. @category Views */
export interface SittingQueueView {
  slot_id: number;
  /** `null` while nobody has booked the sitting yet (it is stored on first booking). */
  sitting_id: number | null;
  date: LocalDate;
  status: SittingStatus;
  /** ISO 8601 instants. */
  starts_at: string;
  ends_at: string;
  places: number;
  booked: number;
  /** Every appointment of the sitting (all statuses), by queue number. */
  appointments: AppointmentView[];
}

/**
 * The queue of one sitting of the caller's own slot (or, for an admin, of any slot). Without
 * a date: the sitting running now or else the next one that is not cancelled, since a doctor
 * checks patients in while the sitting runs (after booking has closed). Another doctor's
 * slot does not exist; a caller without a doctor profile is told `NOT_A_DOCTOR`
 * (`sitting.read` of the access policy).
 * @category Use cases
 */
export class GetSittingQueue {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly policy: BookingPolicy,
  ) {}

  async execute(actor: Actor, input: z.input<typeof SittingQueueInput>): Promise<SittingQueueView> {
    const { slot_id, date } = parseInput(SittingQueueInput, input);
    const read = this.uow.read;
    const doctor = await read.doctors.findByUserId(actor.userId);
    const found = await read.slots.findById(slot_id);
    const slot = authorized(actor, 'sitting.read', found, slotFacts(slot_id, found, doctor));
    let times: SittingTimes;
    if (date === undefined) {
      times = await this.currentOrNext(slot);
    } else {
      if (!isSlotDate(slot, date))
        throw new DomainError('NOT_A_SITTING_DATE', `The slot has no sitting on ${date}.`);
      times = sittingTimes(slot, date);
    }
    const sitting = await read.sittings.findBySlotAndDate(slot.id, times.date);
    const appointments = sitting ? await read.appointments.listBySitting(sitting.id) : [];
    // The queue's own rows are all the live computation needs: no further read.
    const timings = sitting
      ? liveTimings([{ sitting, appointments: appointments.map(liveEntryOf) }], this.clock.now())
      : new Map<number, LiveTiming>();
    const notLive = { expectedAt: null, ahead: null, nowServing: null };
    return {
      ...sittingFacts(slot, times, sitting),
      appointments: appointments.map((details) =>
        toAppointmentView(details, timings.get(details.appointment.id) ?? notLive),
      ),
    };
  }

  private async currentOrNext(slot: Slot): Promise<SittingTimes> {
    const now = this.clock.now();
    const stored = await storedSittingsInWindow(this.uow.read.sittings, slot, now, this.policy);
    const cancelled = cancelledDates(stored);
    // Yesterday (in the slot's zone) up to the horizon: the window of stored sittings.
    const first = addDays(localDateOf(now, slot.timeZone), -1);
    const last = horizonEnd(slot, now, this.policy);
    for (let day = first; day <= last; day = addDays(day, 1)) {
      if (!isSlotDate(slot, day) || cancelled.has(day)) continue;
      const times = sittingTimes(slot, day);
      if (now.getTime() < times.endsAt.getTime()) return times;
    }
    throw new DomainError(
      'SITTING_NOT_FOUND',
      'The slot has no sitting within the booking horizon.',
    );
  }
}

function sittingFacts(
  slot: Slot,
  times: SittingTimes,
  sitting: Sitting | undefined,
): Omit<SittingQueueView, 'appointments'> {
  return {
    slot_id: slot.id,
    sitting_id: sitting?.id ?? null,
    date: times.date,
    status: sitting?.status ?? 'scheduled',
    starts_at: (sitting?.startsAt ?? times.startsAt).toISOString(),
    ends_at: (sitting?.endsAt ?? times.endsAt).toISOString(),
    places: sitting?.places ?? slot.places,
    booked: sitting?.booked ?? 0,
  };
}
