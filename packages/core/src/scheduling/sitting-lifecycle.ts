import { DomainError } from '../shared/domain-error.js';
import type { Sitting, SittingStatus } from './sitting.js';

/**
 * How long before its planned start a doctor may start a sitting: early enough for a doctor
 * who arrives early to begin with the patients already waiting, not so early that a sitting
 * of another day is started by mistake.
 * @category Scheduling
 */
export const sittingStartWindowMinutes = 120;

/** The statuses the worker closes a sitting from once it has ended. @category Scheduling */
export const closableSittingStatuses: readonly SittingStatus[] = ['scheduled', 'in_progress'];

/**
 * What starting a sitting at `now` does: `start` it (`scheduled → in_progress`), nothing
 * (`started`: it already runs, so starting again is answered as a success), or a refusal:
 * `SITTING_CANCELLED`, `SITTING_CLOSED` (completed), `SITTING_PAST` (its end has passed), or
 * `TOO_EARLY_TO_START` (more than {@link sittingStartWindowMinutes} before its start).
 * @category Scheduling
 */
export function decideSittingStart(
  sitting: Pick<Sitting, 'status' | 'startsAt' | 'endsAt' | 'date'>,
  now: Date,
): 'start' | 'started' {
  if (sitting.status === 'in_progress') return 'started';
  if (sitting.status === 'cancelled')
    throw new DomainError('SITTING_CANCELLED', `The sitting of ${sitting.date} was cancelled.`);
  if (sitting.status === 'completed')
    throw new DomainError('SITTING_CLOSED', `The sitting of ${sitting.date} is over.`);
  if (now.getTime() >= sitting.endsAt.getTime())
    throw new DomainError('SITTING_PAST', `The sitting of ${sitting.date} has ended.`);
  const opens = sitting.startsAt.getTime() - sittingStartWindowMinutes * 60_000;
  if (now.getTime() < opens) {
    throw new DomainError(
      'TOO_EARLY_TO_START',
      `The sitting of ${sitting.date} can be started from ${new Date(opens).toISOString()}.`,
    );
  }
  return 'start';
}
