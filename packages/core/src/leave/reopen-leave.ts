import type { Actor } from '../identity/user.js';
import type { Clock } from '../shared/clock.js';
import type { OutboxPublisher } from '../outbox/outbox.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { DomainError } from '../shared/domain-error.js';
import { commit } from '../shared/commit.js';
import { parseInput } from '../shared/parse-input.js';
import { authorized } from '../access/authorize.js';
import { sittingChanged } from '../booking/appointment-events.js';
import { addDays } from '../scheduling/local-date.js';
import { localDateOf } from '../scheduling/wall-clock.js';
import { planReopen } from './leave-dates.js';
import { LeaveIdInput } from './leave-schemas.js';
import { toLeaveView, type ReopenedLeaveView } from './leave-view.js';
import { leaveFacts } from './leave-access.js';

/**
 * The doctor ends a leave early (`DELETE /doctors/leave/{id}`): its sittings that have not
 * started go back to `scheduled` (bookable again), except dates another active leave of the
 * doctor covers, which stay cancelled and pass to that leave ({@link planReopen}). Started
 * and past sittings stay cancelled. The appointments the leave cancelled stay cancelled: their
 * patients were told, and may book again. Re-opening a re-opened leave: `LEAVE_REOPENED`.
 * Another doctor's leave answers `LEAVE_NOT_FOUND`, as a missing one does.
 * @category Use cases
 */
export class ReopenLeave {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly publisher: OutboxPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: LeaveIdInput): Promise<ReopenedLeaveView> {
    const { id } = parseInput(LeaveIdInput, input);
    const now = this.clock.now();
    const read = this.uow.read;
    const doctor = await read.doctors.findByUserId(actor.userId);
    const found = await read.leaves.findById(id);
    const leave = authorized(actor, 'leave.reopen', found, leaveFacts(id, found, doctor));
    return commit(this.uow, this.publisher, now, async (repositories) => {
      const leaves = repositories.leaves;
      await leaves.lockDoctor(leave.doctorId);
      if (!(await leaves.markReopened(leave.id, now)))
        throw new DomainError('LEAVE_REOPENED', `Leave ${leave.id} has been re-opened already.`);
      const since = addDays(localDateOf(now, 'UTC'), -1);
      const plan = planReopen(
        leave,
        await leaves.listSittings(leave.id),
        await leaves.listActive(leave.doctorId, since),
        now,
      );
      for (const [heir, ids] of plan.handOver) await leaves.handOver(leave.id, heir, ids);
      const reopened = await leaves.reopenSittings(leave.id, plan.reopen, now);
      const current = (await leaves.findById(leave.id)) ?? leave;
      return {
        result: { ...toLeaveView(current), reopened_sittings: reopened.length },
        events: reopened.map(sittingChanged),
      };
    });
  }
}
