import type {
  CloseEndedSittingsResult,
  MaterializeSittingsResult,
  RelayOutboxResult,
} from '@doctorly/core';
import type { UseCases } from './use-cases.js';

/** Outbox entries claimed per relay pass, and how long a claim lasts. */
export const relayBatch = { limit: 100, leaseSeconds: 30 } as const;
/** Passes of one relay run at most, so a flood of events cannot hold a tick forever. */
const maxRelayPasses = 20;

/** What one {@link Runtime.runWorkerTick} did. @category Composition */
export interface WorkerTickResult {
  readonly materialized: MaterializeSittingsResult;
  readonly closed: CloseEndedSittingsResult;
  readonly relayed: RelayOutboxSummary;
}

/** The sum of the relay passes of one run. @category Composition */
export interface RelayOutboxSummary {
  readonly claimed: number;
  readonly applied: number;
  readonly failed: number;
  readonly parked: number;
}

/** Relays the outbox in passes until a pass finds less than a full batch. */
export async function relayAll(
  useCases: Pick<UseCases, 'relayOutbox'>,
  now: () => Date,
): Promise<RelayOutboxSummary> {
  const total = { claimed: 0, applied: 0, failed: 0, parked: 0 };
  for (let pass = 0; pass < maxRelayPasses; pass += 1) {
    const result: RelayOutboxResult = await useCases.relayOutbox.execute(
      relayBatch.limit,
      relayBatch.leaseSeconds,
      now(),
    );
    total.claimed += result.claimed;
    total.applied += result.applied;
    total.failed += result.failed;
    total.parked += result.parked;
    if (result.claimed < relayBatch.limit) break;
  }
  return total;
}

/**
 * One pass of the background work: store upcoming sittings, close the ones that ended
 * (no-shows), then relay the outbox (search index and cache). Each step is safe to run
 * from several processes at once.
 */
export async function runWorkerTick(useCases: UseCases, now: Date): Promise<WorkerTickResult> {
  const materialized = await useCases.materializeSittings.execute(now);
  const closed = await useCases.closeEndedSittings.execute(now);
  const relayed = await relayAll(useCases, () => now);
  return { materialized, closed, relayed };
}
