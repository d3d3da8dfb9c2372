import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { freePort } from './ports.js';

/** The repository root: the server runs from its sources there, as `npm start` does. */
export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** The signing key every server of the suite uses (tests forge tokens with it, or with another). */
export const jwtSecret = 'reliability-suite-signing-key-0123456789abcdef';

/** A Doctorly server running as a child process. */
export interface ServerProcess {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** Whether the process is still running. */
  alive(): boolean;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** SIGTERM, then SIGKILL after a grace period. */
  stop(): Promise<void>;
}

/** Spawns `entry` (a TypeScript file under the repo) with tsx and the source condition. */
export function spawnTs(
  entry: string,
  args: readonly string[],
  env: Record<string, string>,
): ChildProcess {
  return spawn(
    process.execPath,
    ['--conditions=@doctorly/source', '--import', 'tsx', entry, ...args],
    {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

/**
 * Starts `packages/http-koa/src/main.ts` on a free port with the given environment (on top
 * of the suite's defaults) and waits for its "listening" line.
 */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = `/tmp/doctorly-reliability-${port}`;
  const child = spawnTs('packages/http-koa/src/main.ts', [], {
    PORT: String(port),
    HOST: '127.0.0.1',
    JWT_SECRET: jwtSecret,
    PASSWORD_HASH_COST: 'test',
    DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    // The load and input suites drive one account hard; the per-account limits of the
    // booking policy have their own tests (packages/http-koa/src/tests/booking-limits…).
    MAX_PATIENTS_PER_USER: '100000',
    MAX_ACTIVE_APPOINTMENTS_PER_USER: '100000',
    ...env,
  });
  let output = '';
  let exited = false;
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => ((exited = true), resolve())),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start in 150 s:\n${output}`)),
      150_000,
    );
    const onData = () => {
      if (/listening on http/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    alive: () => !exited,
    output: () => output,
    stop: async () => {
      if (!exited) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exit;
        clearTimeout(killer);
      }
      // Uploaded images, if any, went there.
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
