/** Where a {@link CircuitBreaker} stands. @category Adapters */
export type BreakerState = 'closed' | 'open' | 'half-open';

/** When a {@link CircuitBreaker} opens and how long it waits before probing again. @category Adapters */
export interface BreakerOptions {
  /** Consecutive failures that open the circuit. Default 5. */
  readonly failureThreshold?: number;
  /** Milliseconds the circuit stays open before one probe is let through. Default 5000. */
  readonly coolDownMs?: number;
}

/** The defaults of {@link BreakerOptions}. @category Adapters */
export const defaultBreakerOptions = { failureThreshold: 5, coolDownMs: 5_000 } as const;

/**
 * A circuit breaker: `closed` lets every call through; `failureThreshold` consecutive
 * failures open it, and while `open` every call is refused at once (no waiting on a dead
 * server, no hammering it); after `coolDownMs` it turns `half-open` and lets ONE probe through —
 * success closes it, failure opens it for another cool-down. It recovers by itself: no one
 * has to reset it. Time comes from `now` so tests need no real waiting.
 * @category Adapters
 */
export class CircuitBreaker {
  private current: BreakerState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private probing = false;
  private readonly threshold: number;
  private readonly coolDownMs: number;

  constructor(
    options: BreakerOptions = {},
    private readonly onChange: (state: BreakerState) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {
    this.threshold = Math.max(
      1,
      options.failureThreshold ?? defaultBreakerOptions.failureThreshold,
    );
    this.coolDownMs = Math.max(0, options.coolDownMs ?? defaultBreakerOptions.coolDownMs);
  }

  /** The state now (an open circuit whose cool-down is over reads as `half-open`). */
  state(): BreakerState {
    if (this.current === 'open' && this.now() - this.openedAt >= this.coolDownMs)
      return 'half-open';
    return this.current;
  }

  /**
   * Asks to make a call. `false`: refused (open, or a probe is already out). `true`: go
   * ahead, then report with {@link succeeded} or {@link failed}.
   */
  tryAcquire(): boolean {
    const state = this.state();
    if (state === 'closed') return true;
    if (state === 'open' || this.probing) return false;
    if (this.current !== 'half-open') this.transition('half-open');
    this.probing = true;
    return true;
  }

  succeeded(): void {
    this.failures = 0;
    this.probing = false;
    if (this.current !== 'closed') this.transition('closed');
  }

  failed(): void {
    this.probing = false;
    this.failures += 1;
    if (
      this.current === 'half-open' ||
      (this.current === 'closed' && this.failures >= this.threshold)
    ) {
      this.openedAt = this.now();
      this.transition('open');
    }
  }

  private transition(next: BreakerState): void {
    this.current = next;
    this.onChange(next);
  }
}
