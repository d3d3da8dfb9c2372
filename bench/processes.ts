import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Node flags of a production server: the Dockerfile's CMD has the same. A heap limit far
 * above the ~50 MB a server keeps alive, but below what V8 lets garbage grow to on a machine
 * with tens of GB (it sizes its heap by the machine's memory), which pushed peak RSS past
 * 250 MB under load.
 */
export const productionNodeFlags = ['--max-old-space-size=256'] as const;

/** A server the bench started as its own process, and its memory as Linux reports it. */
export interface ChildServer {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  /** Peak resident set size so far (VmHWM), in MB (10^6 bytes); `undefined` when /proc cannot tell. */
  readonly peakRssMB: () => number | undefined;
  /** CPU time the process has used so far (user + system), in ms. */
  readonly cpuMs: () => number;
  /**
   * Counts the server's output lines that match `pattern` from now on; call the function it
   * returns for the count so far. E.g. whether the Redis search fell back to PostgreSQL while
   * it was measured.
   */
  readonly watch: (pattern: RegExp) => () => number;
  /** SIGTERM, then waits for the exit (SIGKILL after 15 s); returns the final peak RSS. */
  stop(): Promise<number | undefined>;
  /** How its start went, from the spawn (see {@link StartTimes}). */
  readonly started: StartTimes;
}

/** Milliseconds from the spawn of a server to its first answers (polled every 25 ms). */
export interface StartTimes {
  /** To the first 200 from the liveness path, when one was given. */
  readonly liveMs: number | undefined;
  /** To the first 200 from the readiness path. */
  readonly readyMs: number;
  /** The first non-200 body of the readiness path after liveness, if any: why it was not ready. */
  readonly notReadyBody: string | undefined;
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** utime + stime of a process from /proc/<pid>/stat, in ms (clock ticks of 10 ms on Linux). */
export function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** Peak resident set size (VmHWM) of a process, in MB (10^6 bytes); `undefined` when /proc cannot tell. */
export function vmHwmMB(pid: number): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? (Number(match[1]) * 1024) / 1e6 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs a compiled entry (`bench/dist/…js`, see {@link buildServers}) as one plain Node process,
 * as production runs the server: no npm or tsx wrapper in between, so the pid is the server's
 * own and its memory is the server's alone, and no TypeScript compiled at run time. Waits
 * until `readyPath` answers 200, and keeps the last lines of its output for error messages.
 */
export async function startServer(options: {
  name: string;
  entry: string;
  env: Record<string, string | undefined>;
  readyPath: string;
  /** Polled first, until 200, when given (`/healthz`): the liveness time of {@link StartTimes}. */
  livePath?: string;
  nodeFlags?: readonly string[];
}): Promise<ChildServer> {
  const port = await freePort();
  const env = { ...options.env, PORT: String(port), HOST: '127.0.0.1' };
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), options.entry], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const watchers: { pattern: RegExp; count: number }[] = [];
  const keep = (line: string) => {
    for (const watcher of watchers) if (watcher.pattern.test(line)) watcher.count += 1;
    tail.push(line);
    if (tail.length > 40) tail.shift();
  };
  child.stdout.on('data', lines(keep));
  child.stderr.on('data', lines(keep));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const url = `http://127.0.0.1:${port}`;
  const started = await waitReady(
    child,
    url,
    { ready: options.readyPath, live: options.livePath },
    spawnedAt,
    tail,
    options.name,
  );
  const pid = child.pid!;
  let lastPeak: number | undefined;
  const peak = () => (lastPeak = vmHwmMB(pid) ?? lastPeak);
  return {
    name: options.name,
    url,
    pid,
    started,
    peakRssMB: peak,
    cpuMs: () => cpuMsOf(pid),
    watch: (pattern) => {
      const watcher = { pattern, count: 0 };
      watchers.push(watcher);
      return () => watcher.count;
    },
    stop: async () => {
      peak();
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
      return lastPeak;
    },
  };
}

/** A stream's chunks as whole lines (a chunk may end inside one), empty lines left out. */
function lines(onLine: (line: string) => void): (chunk: Buffer) => void {
  let pending = '';
  return (chunk) => {
    const parts = (pending + chunk.toString('utf8')).split('\n');
    pending = parts.pop() ?? '';
    for (const line of parts) if (line !== '') onLine(line);
  };
}

// 300 s: on a shared 2-core machine under load, a first start compiling through tsx took minutes.
async function waitReady(
  child: ChildProcess,
  url: string,
  paths: { ready: string; live: string | undefined },
  spawnedAt: number,
  tail: string[],
  name: string,
): Promise<StartTimes> {
  const deadline = Date.now() + 300_000;
  let liveMs: number | undefined;
  let notReadyBody: string | undefined;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(
        `${name} exited (${child.exitCode}) before it was ready:\n${tail.join('\n')}`,
      );
    try {
      if (paths.live !== undefined && liveMs === undefined) {
        const live = await fetch(`${url}${paths.live}`);
        await live.arrayBuffer();
        if (live.ok) liveMs = performance.now() - spawnedAt;
      }
      if (paths.live === undefined || liveMs !== undefined) {
        const response = await fetch(`${url}${paths.ready}`);
        const body = await response.text();
        if (response.ok) return { liveMs, readyMs: performance.now() - spawnedAt, notReadyBody };
        notReadyBody ??= body;
      }
    } catch {
      // Not listening yet.
    }
    await sleep(25);
  }
  child.kill('SIGKILL');
  throw new Error(`${name} was not ready within 300 s:\n${tail.join('\n')}`);
}

const tscPath = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/**
 * Compiles the packages and the bench's server entries (bench/tsconfig.servers.json) to
 * `dist/`, incrementally: the bench measures the JavaScript production runs. Returns the
 * compiled entries.
 */
export async function buildServers(
  env: Record<string, string | undefined>,
): Promise<{ doctorly: string; bareKoa: string; cli: string }> {
  await runCommand(process.execPath, [tscPath, '-b', 'bench/tsconfig.servers.json'], env);
  return {
    doctorly: 'bench/dist/doctorly-server.js',
    bareKoa: 'bench/dist/bare-koa.js',
    cli: 'packages/worker/dist/cli.js',
  };
}

/** Runs a command to completion; rejects with its output when it fails. */
export function runCommand(
  command: string,
  args: readonly string[],
  env: Record<string, string | undefined>,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(out);
      else
        reject(
          new Error(
            `${command} ${args.join(' ')} exited with ${code}:\n${out}\n${err.slice(-4000)}`,
          ),
        );
    });
  });
}
