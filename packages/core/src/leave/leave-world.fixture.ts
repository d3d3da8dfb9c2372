import { BookingWorld } from '../booking/booking-fixture.js';
import { AddSlot } from '../scheduling/add-slot.js';
import { MaterializeSittings } from '../scheduling/materialize-sittings.js';
import { GetLeave } from './get-leave.js';
import { ListLeaves } from './list-leaves.js';
import { ReopenLeave } from './reopen-leave.js';
import { TakeLeave } from './take-leave.js';

/**
 * Test support for the leave use cases (not part of the public API): the booking world
 * (Monday 2026-01-05 09:00 UTC, horizon four weeks) with the leave use cases, AddSlot and the
 * worker's materialize step wired to it.
 */
export class LeaveWorld extends BookingWorld {
  leaveUseCases() {
    const { uow, publisher, clock, policy } = this;
    return {
      ...this.useCases(),
      takeLeave: new TakeLeave(uow, publisher, clock),
      listLeaves: new ListLeaves(uow),
      getLeave: new GetLeave(uow),
      reopenLeave: new ReopenLeave(uow, publisher, clock),
      addSlot: new AddSlot(uow, publisher, clock),
      materialize: new MaterializeSittings(uow, publisher, policy),
    };
  }

  /** `date:status` of every stored sitting of the slot in 2026. */
  async sittingsOf(slotId: number): Promise<string[]> {
    const sittings = await this.uow.read.sittings.listBySlot(slotId, '2026-01-01', '2026-12-31');
    return sittings.map((s) => `${s.date}:${s.status}`);
  }
}
