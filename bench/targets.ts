import type { BenchReport, Row, Target } from './report.js';
import { judgeLive } from './scenarios/live-report.js';

/** The targets of issue 9 (2-core machine, load generator included). */
export const goals = {
  cachedShareOfCeiling: 0.5,
  cachedOverUncached: 3,
  searchP99Ms: 20,
  bookingsPerSecond: 1000,
  peakRssMB: 250,
  /** Issue 22: the embedded default (`npm start`, no variables) with its demo data. */
  embeddedPeakRssMB: 300,
  embeddedHealthzNewMs: 3000,
  embeddedHealthzRestartMs: 2000,
  /** Issue 17: from a change's answer to its receipt by every subscriber of the board. */
  liveP99Ms: 100,
} as const;

const pct = (n: number) => `${(n * 100).toFixed(0)} %`;

/** Judges the run against {@link goals}; a target whose scenario did not run is left out. */
export function judge(
  report: BenchReport,
  rows: {
    cached: Row | undefined;
    uncached: Row | undefined;
    cachedShare: number | undefined;
    searches: Row[];
  },
): Target[] {
  const targets: Target[] = [];
  const { cached, uncached, cachedShare: share } = rows;
  // The median of the alternating rounds' shares (see measureAgainstCeiling).
  if (share !== undefined) {
    targets.push({
      target: `cached doctor read ≥ ${pct(goals.cachedShareOfCeiling)} of the bare Koa ceiling`,
      measured: pct(share),
      met: share >= goals.cachedShareOfCeiling,
    });
  }
  if (cached && uncached) {
    const ratio = cached.result.requestsPerSecond / uncached.result.requestsPerSecond;
    targets.push({
      target: `cached ≥ ${goals.cachedOverUncached}× uncached (req/s)`,
      measured: `${ratio.toFixed(2)}×`,
      met: ratio >= goals.cachedOverUncached,
    });
  }
  // Each engine that ran is judged on the same goal (the Redis engine with REDIS_SEARCH_URL).
  for (const row of rows.searches.filter((r) => r.note?.startsWith('latency'))) {
    const engine = row.server.startsWith('redis') ? 'Redis engine' : 'PostgreSQL engine';
    targets.push({
      target: `search p99 < ${goals.searchP99Ms} ms (${row.scenario.replace('GET /doctors/search: ', '')}, ${engine}, ${row.note?.replace('latency: ', '') ?? ''})`,
      measured: `${row.result.p99.toFixed(1)} ms`,
      met: row.result.p99 < goals.searchP99Ms && row.result.non2xx === 0 && row.result.errors === 0,
    });
  }
  if (report.booking) {
    const b = report.booking;
    targets.push({
      target: `booking ≥ ${goals.bookingsPerSecond.toLocaleString('en-US')} bookings/s across sittings, checked`,
      measured: `${Math.round(b.bookedPerSecond)}/s${b.checked ? ', consistent' : ', INCONSISTENT'}`,
      met: b.bookedPerSecond >= goals.bookingsPerSecond && b.checked,
    });
  }
  if (report.contention) {
    const c = report.contention;
    targets.push({
      target: 'contention exact (places filled exactly, the rest SITTING_FULL, 0 errors)',
      measured: c.exact
        ? `${c.places}/${c.clients} booked, ${c.clients - c.places} SITTING_FULL`
        : c.problems.join('; '),
      met: c.exact,
    });
  }
  if (report.embedded) {
    const e = report.embedded;
    const s = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(2)} s`);
    targets.push(
      {
        target: `embedded default: cached doctor read ≥ ${pct(goals.cachedShareOfCeiling)} of the bare Koa ceiling`,
        measured: pct(e.cached.share),
        met: e.cached.share >= goals.cachedShareOfCeiling,
      },
      {
        target: `embedded default: peak RSS ≤ ${goals.embeddedPeakRssMB} MB serving the demo data`,
        measured: e.peakRssMB === undefined ? 'unknown' : `${e.peakRssMB.toFixed(0)} MB`,
        met: e.peakRssMB !== undefined && e.peakRssMB <= goals.embeddedPeakRssMB,
      },
      {
        target: `embedded default: /healthz ≤ ${s(goals.embeddedHealthzNewMs)} on a new data folder`,
        measured: `${s(e.newFolder.liveMs)} (ready with the demo data: ${s(e.newFolder.readyMs)})`,
        met: e.newFolder.liveMs !== undefined && e.newFolder.liveMs <= goals.embeddedHealthzNewMs,
      },
      {
        target: `embedded default: /healthz ≤ ${s(goals.embeddedHealthzRestartMs)} on restart`,
        measured: `${s(e.restart.liveMs)} (ready: ${s(e.restart.readyMs)})`,
        met: e.restart.liveMs !== undefined && e.restart.liveMs <= goals.embeddedHealthzRestartMs,
      },
    );
  }
  if (report.live) targets.push(...judgeLive(report.live, goals.liveP99Ms));
  const peaks = Object.values(report.memory).filter((v): v is number => v !== undefined);
  if (peaks.length > 0) {
    const peak = Math.max(...peaks);
    targets.push({
      target: `server peak RSS < ${goals.peakRssMB} MB`,
      measured: `${peak.toFixed(0)} MB`,
      met: peak < goals.peakRssMB,
    });
  }
  return targets;
}
