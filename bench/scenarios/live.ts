import { setTimeout as sleep } from 'node:timers/promises';
import { call, inParallel } from '../fixtures.js';
import { sampleCpu, type LoadResult } from '../load.js';
import type { ChildServer } from '../processes.js';
import { driveChanges } from './live-changes.js';
import { setUpBoards } from './live-fixture.js';
import { openSubscribers } from './live-clients.js';
import { rssMB, scoreDeliveries, type DeliveryScore } from './live-score.js';

/** What the live scenario is asked to do (`--subscribers`, `--boards`, `--change-rate`, `--duration`). */
export interface LivePlan {
  readonly subscribers: number;
  readonly boards: number;
  /** Status changes per second, over all boards. */
  readonly changeRate: number;
  readonly seconds: number;
}

/** What the live scenario measured and checked: the "Live boards" section of the report. */
export interface LiveOutcome extends DeliveryScore {
  readonly subscribers: number;
  readonly boards: number;
  readonly subscriberProcesses: number;
  /** How the server fans a change out (chosen by the runtime from the environment). */
  readonly fanOut: string;
  /** Streams whose first event (the current board) arrived; those that failed to open. */
  readonly connected: number;
  readonly failedToConnect: number;
  /** Streams that ended before the harness closed them, and why (first few). */
  readonly endedEarly: number;
  readonly endedWhy: readonly string[];
  readonly changes: number;
  /** Changes that were due while their board had one in flight (or nobody waiting left): not sent. */
  readonly skipped: number;
  readonly changeAnswers: Record<string, number>;
  readonly rssBeforeMB: number | undefined;
  readonly rssWithSubscribersMB: number | undefined;
  readonly rssAfterMB: number | undefined;
  /** (RSS with subscribers − RSS before) per 1,000 subscribers. */
  readonly rssPerThousandMB: number | undefined;
}

/** Seconds the harness waits after the last change's answer for the last events to arrive. */
const graceSeconds = 3;

/**
 * The live scenario (issue 17 item 6): `boards` sittings of today with booked places,
 * started; `subscribers` SSE streams spread evenly over their boards, opened from child
 * processes (bench/scenarios/live-subscribers.ts); then status changes — call the next
 * patient, check a patient in, a patient cancels — at `changeRate` per second through the
 * API for `seconds`. Each change's version is read back from the public board; a delivery is
 * a subscriber of that board receiving that version or a later one. Measures the latency from
 * the change's answer to each delivery, counts what never arrived, and the server's RSS per
 * 1,000 open streams.
 */
export async function runLive(
  server: ChildServer,
  tag: string,
  plan: LivePlan,
  fanOut: string,
): Promise<{ rows: { changes: LoadResult; deliveries: LoadResult }; outcome: LiveOutcome }> {
  const changesPerBoard = Math.ceil((plan.changeRate * plan.seconds) / plan.boards);
  // A cycle of five changes uses three places (two calls, one cancel); keep a margin.
  const perBoard = Math.min(200, Math.ceil((changesPerBoard * 3) / 5) + 5);
  const boards = await setUpBoards(server.url, tag, plan.boards, perBoard);
  await inParallel(boards, 4, (board) =>
    call(server.url, 'POST', `/doctors/sittings/${board.sittingId}/start`, {
      token: board.doctorToken,
    }),
  );
  await sleep(1000); // Let the start's own notices pass before the streams open.
  const rssBeforeMB = rssMB(server.pid);
  const assignment = Array.from(
    { length: plan.subscribers },
    (_, i) => boards[i % boards.length]!.sittingId,
  );
  const clients = await openSubscribers(server.url, assignment);
  try {
    await sleep(1000); // Settle: the server's buffers for the first events are flushed.
    const rssWithSubscribersMB = rssMB(server.pid);
    const cpu = await sampleCpu(server.cpuMs);
    const driven = await driveChanges(server.url, boards, plan.changeRate, plan.seconds);
    const spent = await cpu.spent();
    await sleep(graceSeconds * 1000);
    const logs = await clients.stop();
    const rssAfterMB = rssMB(server.pid);
    const score = scoreDeliveries(driven.changes, logs);
    const rssPerThousandMB =
      rssBeforeMB !== undefined && rssWithSubscribersMB !== undefined
        ? (rssWithSubscribersMB - rssBeforeMB) / (plan.subscribers / 1000)
        : undefined;
    const ended = logs.filter((l) => l.ended !== undefined);
    const outcome: LiveOutcome = {
      subscribers: plan.subscribers,
      boards: plan.boards,
      subscriberProcesses: clients.processes,
      fanOut,
      connected: clients.open,
      failedToConnect: clients.failed,
      endedEarly: ended.length,
      endedWhy: [...new Set(ended.map((l) => l.ended!))].slice(0, 5),
      changes: driven.changes.length,
      skipped: driven.skipped,
      changeAnswers: driven.load.statusCodes,
      ...score,
      rssBeforeMB,
      rssWithSubscribersMB,
      rssAfterMB,
      rssPerThousandMB,
    };
    const deliveries: LoadResult = {
      requestsPerSecond: score.delivered / driven.load.durationSeconds,
      p50: score.p50,
      p99: score.p99,
      requests: score.delivered,
      inFlight: 0,
      durationSeconds: driven.load.durationSeconds,
      non2xx: 0,
      errors: score.lost,
      statusCodes: {},
    };
    return {
      rows: { changes: { ...driven.load, ...spent.perRequest(driven.load.requests) }, deliveries },
      outcome,
    };
  } finally {
    clients.kill();
  }
}
