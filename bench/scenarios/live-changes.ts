import { setTimeout as sleep } from 'node:timers/promises';
import type { LoadResult } from '../load.js';
import type { BenchBoard, BoardAppointment } from './live-fixture.js';
import { wallMs } from './live-subscribers.js';

/** One status change the harness made: its board, the board version it produced, when its answer came. */
export interface Change {
  readonly sittingId: number;
  readonly version: number;
  readonly answeredAt: number;
}

type Kind = 'check_in' | 'call' | 'cancel';
/** Two calls, two check-ins and one cancellation in five: a morning at a clinic, sped up. */
const cycle: readonly Kind[] = ['check_in', 'call', 'check_in', 'call', 'cancel'];

/** What the harness knows of one board's queue, to pick a change that the rules allow. */
class BoardQueue {
  private readonly waiting: BoardAppointment[];
  private readonly checkedIn = new Set<number>();
  private step = 0;
  /** A change of this board is in flight: the next one waits (its version must be its own). */
  busy = false;
  version = 0;

  constructor(readonly board: BenchBoard) {
    this.waiting = [...board.appointments];
  }

  get exhausted(): boolean {
    return this.waiting.length === 0;
  }

  /** The next change and what it does to the queue once answered 200. */
  next(): { kind: Kind; appointment: BoardAppointment; apply: () => void } | undefined {
    const wanted = cycle[this.step++ % cycle.length]!;
    const first = this.waiting[0];
    if (!first) return undefined;
    const notCheckedIn = this.waiting.find((a) => !this.checkedIn.has(a.id));
    if (wanted === 'check_in' && notCheckedIn)
      return {
        kind: wanted,
        appointment: notCheckedIn,
        apply: () => this.checkedIn.add(notCheckedIn.id),
      };
    if (wanted === 'cancel' && this.waiting.length >= 2) {
      const last = this.waiting.at(-1)!;
      return { kind: wanted, appointment: last, apply: () => void this.waiting.pop() };
    }
    return { kind: 'call', appointment: first, apply: () => void this.waiting.shift() };
  }
}

function request(base: string, queue: BoardQueue, kind: Kind, appointment: BoardAppointment) {
  const path =
    kind === 'cancel'
      ? `/patient/appointment/${appointment.id}/cancel`
      : `/doctors/appointments/${appointment.id}/${kind}`;
  const token = kind === 'cancel' ? appointment.ownerToken : queue.board.doctorToken;
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
}

/**
 * The board's version after a change: the public board read right after the answer. The
 * harness is the board's only writer and waits for each answer, so this is the change's own
 * version — unless the board read is served stale, which the loop waits out (a version not
 * above the previous change's cannot be this change's).
 */
async function versionAfter(base: string, queue: BoardQueue): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(`${base}/sittings/${queue.board.sittingId}/board`);
    const { version } = (await response.json()) as { version: number };
    if (version > queue.version || attempt >= 50) return version;
    await sleep(5);
  }
}

/** The next board from `turn` on, round robin, with no change in flight and someone waiting. */
function pickBoard(queues: readonly BoardQueue[], turn: number): BoardQueue | undefined {
  for (let k = 0; k < queues.length; k++) {
    const queue = queues[(turn + k) % queues.length]!;
    if (!queue.busy && !queue.exhausted) return queue;
  }
  return undefined;
}

/** The value below which `share` of the sorted `values` lie (nearest rank). */
export const percentile = (sorted: readonly number[], share: number) =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;

/**
 * Sends status changes at `rate` per second for `seconds`, open loop (change i is due at
 * start + i / rate whatever became of the earlier ones), round robin over the boards, one
 * change in flight per board. Latency of a change counts from when it was due to its answer.
 */
export async function driveChanges(
  base: string,
  boards: readonly BenchBoard[],
  rate: number,
  seconds: number,
): Promise<{ changes: Change[]; skipped: number; load: LoadResult }> {
  const queues = boards.map((b) => new BoardQueue(b));
  const changes: Change[] = [];
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  let skipped = 0;
  let turn = 0;
  const total = Math.round(rate * seconds);
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const queue = pickBoard(queues, turn);
    turn++;
    const change = queue?.next();
    // A board that is busy or whose queue ran out is passed over; the count says so.
    if (!queue || !change) {
      skipped++;
      continue;
    }
    queue.busy = true;
    inFlight.push(
      (async () => {
        try {
          const response = await request(base, queue, change.kind, change.appointment);
          await response.text();
          const answeredAt = wallMs();
          latencies.push(performance.now() - due);
          const key = `${response.status} ${change.kind}`;
          statusCodes[key] = (statusCodes[key] ?? 0) + 1;
          if (response.ok) {
            change.apply();
            queue.version = await versionAfter(base, queue);
            changes.push({ sittingId: queue.board.sittingId, version: queue.version, answeredAt });
          }
        } catch {
          errors++;
        } finally {
          queue.busy = false;
        }
      })(),
    );
  }
  await Promise.all(inFlight);
  const durationSeconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const non2xx = Object.entries(statusCodes)
    .filter(([code]) => !code.startsWith('2'))
    .reduce((n, [, count]) => n + count, 0);
  return {
    changes,
    skipped,
    load: {
      requestsPerSecond: latencies.length / durationSeconds,
      p50: Math.round(percentile(latencies, 0.5) * 10) / 10,
      p99: Math.round(percentile(latencies, 0.99) * 10) / 10,
      requests: latencies.length,
      inFlight: 0,
      durationSeconds,
      non2xx,
      errors,
      statusCodes,
    },
  };
}
