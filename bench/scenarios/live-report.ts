import type { Target } from '../report.js';
import type { LiveOutcome } from './live.js';

const mb = (n: number | undefined) => (n === undefined ? 'unknown' : `${n.toFixed(1)} MB`);
const n0 = (n: number) => Math.round(n).toLocaleString('en-US');

/** The targets of issue 17 item 6 the live scenario is judged on. */
export function judgeLive(live: LiveOutcome, p99Ms: number): Target[] {
  const everyoneOpen = live.connected === live.subscribers && live.failedToConnect === 0;
  return [
    {
      target: `live board: p99 from a change's answer to receipt by each subscriber < ${p99Ms} ms (${n0(live.subscribers)} SSE subscribers over ${live.boards} boards)`,
      measured: `${live.p99.toFixed(1)} ms (p50 ${live.p50.toFixed(1)} ms)`,
      met: live.p99 < p99Ms && live.delivered > 0,
    },
    {
      target:
        'live board: 0 lost (every subscriber sees every change of its board, or a later version)',
      measured: `${n0(live.lost)} lost of ${n0(live.expected)}${everyoneOpen ? '' : `; only ${n0(live.connected)} of ${n0(live.subscribers)} streams opened`}`,
      met: live.lost === 0 && live.expected > 0 && everyoneOpen,
    },
  ];
}

/** The "Live boards" section of the markdown report. */
export function renderLive(live: LiveOutcome): string[] {
  return [
    '## Live boards',
    '',
    `${n0(live.subscribers)} SSE subscribers (\`GET /sittings/{id}/board/live\`) over ${live.boards} started sittings, ` +
      `opened from ${live.subscriberProcesses} client process(es) apart from the server and the harness; fan-out: ${live.fanOut}. ` +
      `Streams opened: ${n0(live.connected)}, failed to open: ${n0(live.failedToConnect)}, ended before the harness closed them: ${n0(live.endedEarly)}` +
      `${live.endedWhy.length > 0 ? ` (${live.endedWhy.join('; ')})` : ''}.`,
    '',
    `Status changes: ${n0(live.changes)} answered 200 (answers ${JSON.stringify(live.changeAnswers)}; ${n0(live.skipped)} not sent because their board still had one in flight or nobody left waiting). ` +
      `Deliveries (a change × a subscriber of its board): ${n0(live.expected)} expected, ${n0(live.delivered)} delivered, **${n0(live.lost)} lost**; ` +
      `${n0(live.beforeAnswer)} arrived before the change's own answer (counted as 0 ms). ` +
      `Latency from the answer to receipt: p50 ${live.p50.toFixed(1)} ms, p99 ${live.p99.toFixed(1)} ms, max ${live.max.toFixed(1)} ms.`,
    '',
    `Slowest changes (s into the run, board, slowest delivery, subscribers over 100 ms): ${live.slowest
      .map((c) => `${c.at} s, sitting ${c.board}, ${c.ms} ms, ${c.over100}`)
      .join('; ')}.`,
    '',
    `Server RSS (VmRSS): ${mb(live.rssBeforeMB)} before the streams opened, ${mb(live.rssWithSubscribersMB)} with them open, ` +
      `${mb(live.rssAfterMB)} after the changes: **${mb(live.rssPerThousandMB)} per 1,000 subscribers**.`,
    '',
  ];
}
