import type { Actor } from '../identity/user.js';
import type { Clock } from '../shared/clock.js';
import type { OutboxPublisher } from '../outbox/outbox.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { commit } from '../shared/commit.js';
import { parseInput } from '../shared/parse-input.js';
import { leaveDates } from './leave-dates.js';
import { TakeLeaveInput } from './leave-schemas.js';
import { toLeaveView, type LeaveView } from './leave-view.js';
import { holdLeaveDates } from './hold-leave-dates.js';
import { doctorOfActor } from '../doctors/doctor-of-actor.js';

/**
 * A doctor takes leave over a date range (`POST /doctors/leave`): in one transaction the
 * leave is created and every sitting of the doctor's slots dated in the range that has not
 * started is held cancelled by it — stored ones cancelled with their booked and checked-in
 * appointments (the leave's reason in their history), dates not stored yet recorded as
 * cancelled sittings, so the worker never creates them and bookings answer
 * `SITTING_CANCELLED`.
 *
 * Rules: past and started dates are skipped, not refused; a sitting already cancelled (by an
 * earlier, overlapping leave or one by one with `CancelSitting`) keeps its cause, so
 * overlapping leaves are allowed and each date belongs to the first; the doctor's leave lock
 * is taken first, so a slot added concurrently is seen or sees the leave.
 * @category Use cases
 */
export class TakeLeave {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly publisher: OutboxPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: TakeLeaveInput): Promise<LeaveView> {
    const parsed = parseInput(TakeLeaveInput, input);
    const now = this.clock.now();
    const doctor = await doctorOfActor(this.uow.read.doctors, actor, 'profile.takeLeave');
    return commit(this.uow, this.publisher, now, async (repositories) => {
      await repositories.leaves.lockDoctor(doctor.id);
      const leave = await repositories.leaves.create({
        doctorId: doctor.id,
        from: parsed.from,
        to: parsed.to,
        reason: parsed.reason,
        createdBy: actor.userId,
        createdAt: now,
      });
      const slots = await repositories.slots.listByDoctor(doctor.id);
      const held = await holdLeaveDates(
        repositories,
        leave,
        leaveDates(slots, parsed, now),
        actor,
        now,
      );
      const view = toLeaveView({
        ...leave,
        cancelledSittings: held.sittings,
        cancelledAppointments: held.appointments,
      });
      return { result: view, events: held.events };
    });
  }
}
