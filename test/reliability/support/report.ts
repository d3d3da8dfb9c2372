/**
 * Prints the one line a check reports: what it tried and its violation counts, which must
 * all be 0 (`[reliability] redis-kill: 1200 reads, 0 5xx, 0 stale`).
 */
export function report(check: string, facts: string): void {
  // stdout of a forked vitest worker reaches the console; one line per check is the contract.
  process.stdout.write(`[reliability] ${check}: ${facts}\n`);
}
