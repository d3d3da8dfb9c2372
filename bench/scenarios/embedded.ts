import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { call } from '../fixtures.js';
import type { ChildServer, StartTimes } from '../processes.js';
import { fillCache, measureAgainstCeiling, type AgainstCeiling } from './reads.js';

/** The demo patient's login (README Quick start; `demoEmail('Demo Patient')`, `demoPassword`). */
const demoLogin = 'demo.patient@example.com:doctorly-demo';

/** What the embedded default does as a user meets it: `npm start`, no variables, a new data folder. */
export interface EmbeddedOutcome {
  /** Start on a new data folder: to `/healthz`, then to `/readyz` 200 (the demo data loaded). */
  readonly newFolder: StartTimes;
  /** Start again on the same folder (stopped after the load). */
  readonly restart: StartTimes;
  /** Peak RSS (VmHWM) of the first server: start-up, demo data, a login, the cached reads under load. */
  readonly peakRssMB: number | undefined;
  /** Peak RSS of the first server when it was ready, before any login (each OWASP scrypt takes 16 MiB). */
  readonly readyPeakRssMB: number | undefined;
  /** Peak RSS of the restarted server once ready. */
  readonly restartPeakRssMB: number | undefined;
  /** Cached `GET /doctors/get/{id}` of the demo doctors against the bare Koa ceiling. */
  readonly cached: AgainstCeiling;
  /** Doctors in the demo data. */
  readonly doctors: number;
}

/** How {@link benchEmbedded} starts a server (the harness' `start`, which records it for clean-up). */
export type StartEmbedded = (
  name: string,
  env: Record<string, string | undefined>,
  kind: 'doctorly' | 'bare',
) => Promise<ChildServer>;

/**
 * The embedded default as a user meets it: starts the server on a new data folder with no
 * variable but `DATA_DIR` (so the demo data loads, passwords at the OWASP cost), times
 * `/healthz` and `/readyz`, logs in as the demo patient, reads every demo doctor once and
 * measures the cached read against the bare Koa ceiling in alternating rounds; then stops it
 * and times a restart on the same folder.
 */
export async function benchEmbedded(
  dataDir: string,
  scratch: string,
  start: StartEmbedded,
  stop: (server: ChildServer) => Promise<number | undefined>,
  load: { connections: number; rounds: number; roundSeconds: number; warmSeconds: number },
): Promise<EmbeddedOutcome> {
  const env = { DATA_DIR: dataDir };
  const server = await start('embedded default, new data folder (npm start)', env, 'doctorly');
  const readyPeakRssMB = server.peakRssMB();
  const { token } = await call<{ token: string }>(server.url, 'POST', '/auth/get_token', {
    basic: demoLogin,
  });
  const doctors = await call<{ id: number }[]>(server.url, 'GET', '/doctors/all?limit=100', {
    token,
  });
  const ids = doctors.map((d) => d.id);
  await fillCache(server.url, ids, token, load.connections);
  const sample = await call<unknown>(server.url, 'GET', `/doctors/get/${ids[0]!}`, { token });
  const bodyFile = join(scratch, 'embedded-doctor.json');
  writeFileSync(bodyFile, JSON.stringify(sample));
  const bare = await start('bare Koa (embedded body)', { BENCH_BODY_FILE: bodyFile }, 'bare');
  const cached = await measureAgainstCeiling(server, bare, ids, token, load);
  await stop(bare);
  const peakRssMB = await stop(server);
  const again = await start('embedded default, restart (npm start)', env, 'doctorly');
  const restartPeakRssMB = await stop(again);
  return {
    newFolder: server.started,
    restart: again.started,
    peakRssMB,
    readyPeakRssMB,
    restartPeakRssMB,
    cached,
    doctors: ids.length,
  };
}
