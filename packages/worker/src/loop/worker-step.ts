/** What a step reports: named counts (`{ created: 3, slots: 40 }`). @category Worker */
export type StepCounts = Readonly<Record<string, number>>;

/**
 * One unit of the worker's background work, run once per tick when due.
 * @category Worker
 */
export interface WorkerStep {
  /** Kebab-case name, used in logs and metrics (`materialize-sittings`). */
  readonly name: string;
  /**
   * Key of the advisory lock the step takes so that only one replica runs it at a time
   * (skipped where another holds it); `undefined` for steps safe to share, like the relay.
   */
  readonly lockKey?: number;
  /**
   * Runs at most every this many seconds (maintenance: reconciliation, pruning); `undefined`
   * runs it every tick. Periodic steps run on the first tick of a process.
   */
  readonly everySeconds?: number;
  run(now: Date): Promise<StepCounts>;
}

/** How one step went in one tick. @category Worker */
export type StepOutcome = 'ran' | 'skipped' | 'failed';

/** One step's report in a tick. @category Worker */
export interface StepReport {
  readonly step: string;
  readonly outcome: StepOutcome;
  readonly durationMs: number;
  readonly counts?: StepCounts;
  /** Why it was skipped (`locked`) or what failed. */
  readonly reason?: string;
}

/** What one tick did, step by step (steps not due are left out). @category Worker */
export interface TickReport {
  readonly startedAt: Date;
  readonly steps: readonly StepReport[];
}
