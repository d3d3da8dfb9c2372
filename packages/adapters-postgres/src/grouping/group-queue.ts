/** How a {@link GroupQueue} forms groups. @category Adapters */
export interface GroupOptions {
  /** Groups in flight at once, each on its own connection (default 2). */
  readonly concurrentGroups?: number;
  /** Most items in one group (default 64). */
  readonly maxGroupSize?: number;
}

/**
 * Gathers work items into groups for a runner that does a group in one database round trip.
 * An item that arrives while fewer than `concurrentGroups` groups are in flight leaves on the
 * next turn of the event loop, with whatever else arrived in that turn: grouping adds no wait
 * to an idle server. Items that arrive while every group slot is busy wait, and leave together
 * as soon as a slot frees: under load the groups grow with the load, which is when sharing a
 * round trip pays.
 * @category Adapters
 */
export class GroupQueue<T> {
  private readonly waiting: T[] = [];
  private readonly concurrentGroups: number;
  private readonly maxGroupSize: number;
  private inFlight = 0;
  private scheduled = false;

  /** `run` must settle every item of its group itself and never reject. */
  constructor(
    private readonly run: (group: T[]) => Promise<void>,
    options: GroupOptions = {},
  ) {
    this.concurrentGroups = Math.max(1, options.concurrentGroups ?? 2);
    this.maxGroupSize = Math.max(1, options.maxGroupSize ?? 64);
  }

  push(item: T): void {
    this.waiting.push(item);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.drain();
    });
  }

  private drain(): void {
    while (this.inFlight < this.concurrentGroups && this.waiting.length > 0) {
      const group = this.waiting.splice(0, this.maxGroupSize);
      this.inFlight += 1;
      // `run` settles its items itself; a rejection here would be a bug, and must not crash.
      void this.run(group)
        .catch(() => undefined)
        .finally(() => {
          this.inFlight -= 1;
          this.drain();
        });
    }
  }
}
