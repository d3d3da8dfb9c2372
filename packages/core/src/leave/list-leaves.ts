import type { Actor } from '../identity/user.js';
import type { Page } from '../shared/primitives.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { parseInput } from '../shared/parse-input.js';
import { ListLeavesInput } from './leave-schemas.js';
import { toLeaveView, type LeaveView } from './leave-view.js';
import { doctorOfActor } from '../doctors/doctor-of-actor.js';

/**
 * The calling doctor's leaves, active and re-opened, newest first, paged
 * (`GET /doctors/leave`), each with what it cancelled.
 * @category Use cases
 */
export class ListLeaves {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(actor: Actor, input: ListLeavesInput = {}): Promise<Page<LeaveView>> {
    const page = parseInput(ListLeavesInput, input);
    const doctor = await doctorOfActor(this.uow.read.doctors, actor, 'profile.listLeaves');
    const found = await this.uow.read.leaves.listByDoctor(doctor.id, page);
    return { items: found.items.map(toLeaveView), total: found.total };
  }
}
