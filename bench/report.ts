import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadResult } from './load.js';
import type { BookingOutcome } from './scenarios/booking.js';
import type { ContentionOutcome } from './scenarios/contention.js';
import type { EmbeddedOutcome } from './scenarios/embedded.js';
import type { LiveOutcome } from './scenarios/live.js';
import { renderLive } from './scenarios/live-report.js';

/** One measured row of the table. */
export interface Row {
  readonly scenario: string;
  readonly server: string;
  readonly result: LoadResult;
  readonly note?: string;
}

/** One target of issue 9 and whether this run met it. */
export interface Target {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

/** Everything a run found: written as `<date>.json`, rendered as `<date>.md`. */
export interface BenchReport {
  readonly startedAt: string;
  readonly command: string;
  readonly machine: {
    cpus: number;
    model: string;
    memoryGiB: number;
    node: string;
    loadBefore: number[];
    loadAfter: number[];
  };
  readonly settings: Record<string, unknown>;
  readonly rows: Row[];
  booking?: BookingOutcome;
  contention?: ContentionOutcome;
  /** The embedded default as a user meets it (without DATABASE_URL). */
  readonly embedded?: EmbeddedOutcome;
  live?: LiveOutcome;
  readonly memory: Record<string, number | undefined>;
  readonly targets: Target[];
  readonly notes: string[];
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const f0 = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');

/** The report as markdown: settings, the measured table, the targets, the checks. */
export function renderMarkdown(report: BenchReport): string {
  const m = report.machine;
  const lines = [
    `# Doctorly benchmark — ${report.startedAt}`,
    '',
    `Command: \`${report.command}\``,
    '',
    `Machine: ${m.cpus} × ${m.model}, ${m.memoryGiB.toFixed(1)} GiB, Node ${m.node}; load generator (autocannon) on the same machine.`,
    `Load average before: ${m.loadBefore.map((l) => l.toFixed(2)).join(' / ')}, after: ${m.loadAfter.map((l) => l.toFixed(2)).join(' / ')} (1/5/15 min).`,
    `Settings: ${Object.entries(report.settings)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(', ')}.`,
    '',
    '| scenario | server | req/s | p50 ms | p99 ms | server CPU ms/req | PostgreSQL CPU ms/req | requests | non-2xx | errors | note |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...report.rows.map(
      ({ scenario, server, result: r, note }) =>
        `| ${scenario} | ${server} | ${f0(r.requestsPerSecond)} | ${f1(r.p50)} | ${f1(r.p99)} | ${r.serverCpuMsPerRequest === undefined ? '–' : r.serverCpuMsPerRequest.toFixed(2)} | ${r.databaseCpuMsPerRequest === undefined ? '–' : r.databaseCpuMsPerRequest.toFixed(2)} | ${f0(r.requests)} | ${f0(r.non2xx)} | ${r.errors} | ${note ?? ''} |`,
    ),
    '',
    '## Targets',
    '',
    '| target | measured | |',
    '|---|---|---|',
    ...report.targets.map(
      (t) => `| ${t.target} | ${t.measured} | ${t.met ? 'met' : '**missed**'} |`,
    ),
    '',
  ];
  if (report.booking) {
    const b = report.booking;
    lines.push(
      '## Booking checks',
      '',
      `Answers: ${JSON.stringify(b.answers)}. Appointments in the database: ${b.rowsInDatabase} (answered 201: ${b.answers['201'] ?? 0}; requests cut off unanswered at the stop, which may still commit: ${b.load.inFlight}). ` +
        `Sittings with a booked count unlike their appointments: ${b.inconsistentSittings}. ` +
        (b.checked ? 'Checked: consistent.' : `**Problems:** ${b.problems.join('; ')}.`),
      '',
    );
  }
  if (report.contention) {
    const c = report.contention;
    lines.push(
      '## Contention checks',
      '',
      `${c.clients} clients at once on one sitting of ${c.places} places, in ${f0(c.elapsedMs)} ms: answers ${JSON.stringify(c.answers)}, ` +
        `${c.socketErrors} socket errors; database: ${c.rows} active appointments, ${c.distinctQueueNumbers} distinct queue numbers, ` +
        `sitting.booked = ${c.sittingBooked}. ` +
        (c.exact ? 'Exact.' : `**Problems:** ${c.problems.join('; ')}.`),
      '',
    );
  }
  if (report.embedded) {
    const e = report.embedded;
    const seconds = (ms: number | undefined) =>
      ms === undefined ? '–' : `${(ms / 1000).toFixed(2)} s`;
    lines.push(
      '## Embedded default (`npm start`, no variables, demo data)',
      '',
      '| | new data folder | restart |',
      '|---|---:|---:|',
      `| spawn → \`/healthz\` 200 | ${seconds(e.newFolder.liveMs)} | ${seconds(e.restart.liveMs)} |`,
      `| spawn → \`/readyz\` 200 (demo data loaded) | ${seconds(e.newFolder.readyMs)} | ${seconds(e.restart.readyMs)} |`,
      `| peak RSS (VmHWM) when ready, before any login | ${e.readyPeakRssMB === undefined ? '–' : `${f1(e.readyPeakRssMB)} MB`} | ${e.restartPeakRssMB === undefined ? '–' : `${f1(e.restartPeakRssMB)} MB`} |`,
      `| peak RSS (VmHWM) overall: start, demo data, a login (scrypt at the OWASP cost: N=2^14, r=8, p=5, 16 MiB), ${e.doctors} doctors read under load | ${e.peakRssMB === undefined ? '–' : `${f1(e.peakRssMB)} MB`} | |`,
      `| cached \`GET /doctors/get/{id}\` / bare Koa ceiling | ${(e.cached.share * 100).toFixed(0)} % (rounds: ${e.cached.shares.map((x) => (x * 100).toFixed(0)).join(', ')} %) | |`,
      '',
      `\`/readyz\` before the demo data was loaded: ${e.newFolder.notReadyBody === undefined ? 'never seen (ready at once)' : `\`${e.newFolder.notReadyBody}\``}.`,
      '',
    );
  }
  if (report.live) lines.push(...renderLive(report.live));
  lines.push(
    '## Server memory (peak RSS, VmHWM)',
    '',
    ...Object.entries(report.memory).map(
      ([name, mb]) => `- ${name}: ${mb === undefined ? 'unknown' : `${f1(mb)} MB`}`,
    ),
    '',
  );
  if (report.notes.length > 0) lines.push('## Notes', '', ...report.notes.map((n) => `- ${n}`), '');
  return lines.join('\n');
}

/** Writes `<out>/<stamp>.md` and `<out>/<stamp>.json`; returns their paths. */
export function writeReport(out: string, report: BenchReport): { md: string; json: string } {
  mkdirSync(out, { recursive: true });
  const stamp = report.startedAt.replace(/:/g, '-').replace(/\.\d+Z$/, 'Z');
  const md = join(out, `${stamp}.md`);
  const json = join(out, `${stamp}.json`);
  writeFileSync(md, renderMarkdown(report));
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  return { md, json };
}
