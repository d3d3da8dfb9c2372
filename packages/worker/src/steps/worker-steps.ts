import type { SqlExecutor } from '@doctorly/adapters-postgres';
import type {
  CloseEndedSittingsResult,
  MaterializeSittingsResult,
  ReconcileSearchIndexResult,
  RelayOutboxResult,
} from '@doctorly/core';
import type { WorkerStep } from '../loop/worker-step.js';
import { pruneOutbox } from './prune-outbox.js';

/** The use cases the worker's steps call (a runtime's `useCases` has them all). @category Worker */
export interface WorkerUseCases {
  readonly materializeSittings: { execute(now: Date): Promise<MaterializeSittingsResult> };
  readonly closeEndedSittings: { execute(now: Date): Promise<CloseEndedSittingsResult> };
  readonly relayOutbox: {
    execute(limit: number, leaseSeconds: number, now: Date): Promise<RelayOutboxResult>;
  };
  readonly reconcileSearchIndex: { execute(now: Date): Promise<ReconcileSearchIndexResult> };
}

/** Tuning of {@link createWorkerSteps}. @category Worker */
export interface WorkerStepsOptions {
  /** Seconds between two reconciliations of the search index (default 3600). */
  readonly reconcileIntervalSeconds?: number;
  /** Outbox entries claimed per relay pass (default 100). */
  readonly relayBatch?: number;
  /** How long a relay's claim lasts before another relay may take the entries (default 30 s). */
  readonly relayLeaseSeconds?: number;
  /** Relay passes per tick at most, so a flood cannot hold a tick forever (default 50). */
  readonly relayMaxPasses?: number;
  /** Completed outbox entries older than this are deleted (default 24 h). */
  readonly outboxRetentionHours?: number;
  /**
   * Whether to reconcile the search index (default true). Pointless when PostgreSQL itself
   * answers searches: its "documents" are the rows, and checking them costs a query each.
   */
  readonly reconcile?: boolean;
  /** Seconds between two prunes of the outbox (default 3600). */
  readonly pruneIntervalSeconds?: number;
}

/** Advisory lock keys of the steps that must not run in two replicas at once. @category Worker */
export const stepLockKeys = {
  materializeSittings: 1,
  closeEndedSittings: 2,
  reconcileSearchIndex: 3,
  pruneOutbox: 4,
} as const;

/**
 * The worker's steps, in the order a tick runs them:
 * 1. `materialize-sittings` (locked): every slot's sittings up to the booking horizon; each
 *    new one appends a `sitting.changed` event, which is what moves a doctor's next sitting
 *    in the search document and the timings cache once relayed;
 * 2. `close-ended-sittings` (locked): completes ended sittings, marks still-booked
 *    appointments no-show (recorded in their history);
 * 3. `relay-outbox` (shared by replicas through `SKIP LOCKED` claims): applies events to the
 *    search index and the cache, in passes until the outbox is drained;
 * 4. `reconcile-search-index` (locked, every `reconcileIntervalSeconds`, unless `reconcile`
 *    is false): repairs the index from PostgreSQL (adds missing, removes stale, fixes
 *    drifted documents);
 * 5. `prune-outbox` (locked, hourly; only with `sql`): deletes completed outbox entries past
 *    their retention. Parked entries are kept for an operator (`doctorly outbox`).
 * @category Worker
 */
export function createWorkerSteps(
  useCases: WorkerUseCases,
  sql: SqlExecutor | undefined,
  options: WorkerStepsOptions = {},
): WorkerStep[] {
  const batch = options.relayBatch ?? 100;
  const lease = options.relayLeaseSeconds ?? 30;
  const maxPasses = options.relayMaxPasses ?? 50;
  const steps: WorkerStep[] = [
    {
      name: 'materialize-sittings',
      lockKey: stepLockKeys.materializeSittings,
      run: async (now) => ({ ...(await useCases.materializeSittings.execute(now)) }),
    },
    {
      name: 'close-ended-sittings',
      lockKey: stepLockKeys.closeEndedSittings,
      run: async (now) => ({ ...(await useCases.closeEndedSittings.execute(now)) }),
    },
    {
      name: 'relay-outbox',
      run: async (now) => {
        const total = { passes: 0, claimed: 0, applied: 0, failed: 0, parked: 0 };
        while (total.passes < maxPasses) {
          const pass = await useCases.relayOutbox.execute(batch, lease, now);
          total.passes += 1;
          total.claimed += pass.claimed;
          total.applied += pass.applied;
          total.failed += pass.failed;
          total.parked += pass.parked;
          if (pass.claimed < batch) break;
        }
        return total;
      },
    },
  ];
  if (options.reconcile ?? true) {
    steps.push({
      name: 'reconcile-search-index',
      lockKey: stepLockKeys.reconcileSearchIndex,
      everySeconds: options.reconcileIntervalSeconds ?? 3600,
      run: async (now) => ({ ...(await useCases.reconcileSearchIndex.execute(now)) }),
    });
  }
  if (sql) {
    const retentionMs = (options.outboxRetentionHours ?? 24) * 3_600_000;
    steps.push({
      name: 'prune-outbox',
      lockKey: stepLockKeys.pruneOutbox,
      everySeconds: options.pruneIntervalSeconds ?? 3600,
      run: async (now) => ({
        deleted: await pruneOutbox(sql, new Date(now.getTime() - retentionMs)),
      }),
    });
  }
  return steps;
}
