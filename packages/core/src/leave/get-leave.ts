import type { Actor } from '../identity/user.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { parseInput } from '../shared/parse-input.js';
import { authorized } from '../access/authorize.js';
import { LeaveIdInput } from './leave-schemas.js';
import { toLeaveView, type LeaveView } from './leave-view.js';
import { leaveFacts } from './leave-access.js';

/**
 * One leave (`GET /doctors/leave/{id}`): its doctor or an admin; anyone else is answered
 * `LEAVE_NOT_FOUND`, as for a missing one.
 * @category Use cases
 */
export class GetLeave {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(actor: Actor, input: LeaveIdInput): Promise<LeaveView> {
    const { id } = parseInput(LeaveIdInput, input);
    const doctor = await this.uow.read.doctors.findByUserId(actor.userId);
    const found = await this.uow.read.leaves.findById(id);
    return toLeaveView(authorized(actor, 'leave.read', found, leaveFacts(id, found, doctor)));
  }
}
