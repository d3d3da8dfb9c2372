import type { z } from 'zod';
import type { Actor } from '../identity/user.js';
import type { Clock } from '../shared/clock.js';
import type { OutboxPublisher } from '../outbox/outbox.js';
import type { Repositories, UnitOfWork } from '../shared/unit-of-work.js';
import type { Sitting } from './sitting.js';
import { decideSittingStart } from './sitting-lifecycle.js';
import { SittingIdInput } from '../booking/booking-schemas.js';
import { sittingChanged } from '../booking/appointment-events.js';
import { readSittingBoard } from '../booking/get-sitting-board.js';
import type { SittingBoardView } from '../booking/sitting-board-view.js';
import { commit } from '../shared/commit.js';
import { parseInput } from '../shared/parse-input.js';
import { authorized } from '../access/authorize.js';
import { sittingFacts } from '../access/facts.js';
import { expireWaitlist } from '../waitlist/promote-freed-places.js';

/**
 * Starts `sitting` at `now` inside a transaction if {@link decideSittingStart} says so;
 * `true` when this call started it, `false` when it was already running. A concurrent
 * change is decided again on the sitting as it is now, so the refusal is the right one.
 * A started sitting takes nobody from its waitlist: its waiting entries expire with the start.
 */
export async function startSittingIn(
  repositories: Repositories,
  sitting: Sitting,
  now: Date,
): Promise<boolean> {
  if (decideSittingStart(sitting, now) === 'started') return false;
  if (await repositories.sittings.start(sitting.id, now)) {
    await expireWaitlist(repositories, sitting.id, now);
    return true;
  }
  const current = await repositories.sittings.findById(sitting.id);
  if (!current || decideSittingStart(current, now) !== 'started')
    throw new Error(`sitting ${sitting.id} could not be started`);
  return false;
}

/**
 * The doctor starts one of their sittings (`POST /doctors/sittings/{id}/start`,
 * `sittingById.start`): `scheduled → in_progress` with `started_at`, from
 * `sittingStartWindowMinutes` before its planned start until its end. Starting a running
 * sitting again answers its board unchanged; a cancelled, completed or ended one is refused
 * ({@link decideSittingStart}). Answers the sitting's public board.
 * @category Use cases
 */
export class StartSitting {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly publisher: OutboxPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: z.input<typeof SittingIdInput>): Promise<SittingBoardView> {
    const { id } = parseInput(SittingIdInput, input);
    const now = this.clock.now();
    const read = this.uow.read;
    const doctor = await read.doctors.findByUserId(actor.userId);
    const found = await read.sittings.findById(id);
    const sitting = authorized(actor, 'sittingById.start', found, sittingFacts(id, found, doctor));
    if (decideSittingStart(sitting, now) === 'start') {
      await commit(this.uow, this.publisher, now, async (repositories) => {
        const started = await startSittingIn(repositories, sitting, now);
        return { result: undefined, events: started ? [sittingChanged(sitting)] : [] };
      });
    }
    return readSittingBoard(read, id, now);
  }
}
