import type { z } from 'zod';
import { DomainError } from '../shared/domain-error.js';
import type { Clock } from '../shared/clock.js';
import type { ReadRepositories, UnitOfWork } from '../shared/unit-of-work.js';
import type { SittingId } from '../shared/primitives.js';
import { parseInput } from '../shared/parse-input.js';
import { SittingIdInput } from './booking-schemas.js';
import { toSittingBoardView, type SittingBoardView } from './sitting-board-view.js';

/**
 * The public board of a stored sitting at `now`: one read of its live state.
 * @throws DomainError `SITTING_NOT_FOUND`.
 */
export async function readSittingBoard(
  read: Pick<ReadRepositories, 'appointments'>,
  id: SittingId,
  now: Date,
): Promise<SittingBoardView> {
  const [state] = await read.appointments.liveStates([id]);
  if (!state) throw new DomainError('SITTING_NOT_FOUND', `No sitting ${id}.`);
  return toSittingBoardView(state, now);
}

/**
 * The public queue board of one sitting (`GET /sittings/{id}/board`): public, so it takes no
 * actor, and shows no patient (see {@link SittingBoardView}). Not cached: it is read on every
 * change and must be exact, and it is one indexed read.
 * @category Use cases
 */
export class GetSittingBoard {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: z.input<typeof SittingIdInput>): Promise<SittingBoardView> {
    const { id } = parseInput(SittingIdInput, input);
    return readSittingBoard(this.uow.read, id, this.clock.now());
  }
}
