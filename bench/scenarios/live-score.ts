import { readFileSync } from 'node:fs';
import type { Change } from './live-changes.js';
import { percentile } from './live-changes.js';
import type { SubscriberLog } from './live-subscribers.js';

/** Resident set size now (VmRSS from /proc/<pid>/status), in MB (10^6 bytes). */
export function rssMB(pid: number): number | undefined {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? (Number(match[1]) * 1024) / 1e6 : undefined;
  } catch {
    return undefined;
  }
}

/** How the changes reached the subscribers. */
export interface DeliveryScore {
  /** (change, subscriber of its board) pairs: every one must see the change's version or a later one. */
  readonly expected: number;
  readonly delivered: number;
  readonly lost: number;
  /** Deliveries that arrived before the change's answer did (counted as 0 ms). */
  readonly beforeAnswer: number;
  /** From the change's answer to receipt by a subscriber, in ms. */
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /**
   * The changes whose slowest delivery took longest: seconds into the run, its board, that
   * delivery's latency in ms and how many of the board's subscribers took over 100 ms. Where a
   * tail comes from (a stall at one moment, one board) shows here.
   */
  readonly slowest: readonly { at: number; board: number; ms: number; over100: number }[];
}

/**
 * Scores the deliveries: for every change and every subscriber of its board (one whose stream
 * opened), the first event with the change's version or a later one — a later version carries
 * the change too (the board is the whole state; the server may coalesce notices). None: lost.
 * Latency from the change's answer to that receipt; an event that arrived before the answer
 * (the notice can overtake the HTTP answer) counts 0 ms, and is counted apart.
 */
export function scoreDeliveries(
  changes: readonly Change[],
  logs: readonly SubscriberLog[],
): DeliveryScore {
  const byBoard = new Map<number, SubscriberLog[]>();
  for (const log of logs) {
    if (log.received.length === 0) continue; // never opened: counted as failed to connect
    const list = byBoard.get(log.board) ?? [];
    list.push(log);
    byBoard.set(log.board, list);
  }
  const latencies: number[] = [];
  const perChange: DeliveryScore['slowest'][number][] = [];
  const runStart = changes[0]?.answeredAt ?? 0;
  let expected = 0;
  let beforeAnswer = 0;
  for (const change of changes) {
    let worst = 0;
    let over100 = 0;
    for (const log of byBoard.get(change.sittingId) ?? []) {
      expected++;
      // Arrival order: the earliest receipt of a version at least the change's.
      const receipt = log.received.find(([version]) => version >= change.version);
      if (!receipt) continue;
      const latency = receipt[1] - change.answeredAt;
      if (latency < 0) beforeAnswer++;
      latencies.push(Math.max(0, latency));
      worst = Math.max(worst, latency);
      if (latency > 100) over100++;
    }
    perChange.push({
      at: Math.round((change.answeredAt - runStart) / 100) / 10,
      board: change.sittingId,
      ms: Math.round(worst),
      over100,
    });
  }
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    expected,
    delivered: latencies.length,
    lost: expected - latencies.length,
    beforeAnswer,
    p50: round(percentile(latencies, 0.5)),
    p99: round(percentile(latencies, 0.99)),
    max: round(latencies.at(-1) ?? NaN),
    slowest: perChange.sort((a, b) => b.ms - a.ms).slice(0, 5),
  };
}
