import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import {
  createTestDatabase,
  type TestDatabase,
  describeOnPostgresServer,
} from '@doctorly/test-support';
import { afterAll, beforeAll, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = `${root}node_modules/.bin/tsx`;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function start(
  args: string[],
  env: Record<string, string>,
): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const child = spawn(
    tsx,
    ['--conditions=@doctorly/source', 'packages/worker/src/main.ts', ...args],
    {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', PASSWORD_HASH_COST: 'test', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

// Each test spawns `tsx` processes: slow to start on a loaded two-core machine.
describeOnPostgresServer('the doctorly-worker process')(
  'the doctorly-worker process',
  { timeout: 120_000 },
  () => {
    let db: TestDatabase & { kind: 'postgres' };

    beforeAll(async () => {
      const created = await createTestDatabase();
      if (created.kind !== 'postgres')
        throw new Error('The worker process tests need a PostgreSQL server (DATABASE_URL).');
      db = created;
    });
    afterAll(async () => {
      await db?.dispose();
    });

    it('--help prints usage; without DATABASE_URL it refuses to start', async () => {
      const help = start(['--help'], {});
      expect(await help.exit).toBe(0);
      expect(help.output()).toContain('Usage: doctorly-worker [--once [--maintenance]]');
      const bare = start(['--once'], { DATA_DIR: '/nonexistent/never' });
      expect(await bare.exit).toBe(2);
      expect(bare.output()).toContain('needs DATABASE_URL');
    });

    it('--once runs one tick, logs each step as JSON and exits 0', async () => {
      const once = start(['--once', '--maintenance'], { DATABASE_URL: db.url });
      expect(await once.exit).toBe(0);
      const steps = once
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { step?: string; durationMs?: number; counts?: object })
        .filter((l) => l.step !== undefined);
      // PostgreSQL answers searches here (no REDIS_URL): there is no separate index to reconcile.
      expect(steps.map((s) => s.step)).toEqual([
        'materialize-sittings',
        'close-ended-sittings',
        'relay-outbox',
        'prune-outbox',
      ]);
      for (const s of steps) {
        expect(typeof s.durationMs).toBe('number');
        expect(typeof s.counts).toBe('object');
      }
    });

    it('serves /healthz and /metrics while looping, and stops gracefully on SIGTERM with exit 0', async () => {
      const port = await freePort();
      const worker = start([], {
        DATABASE_URL: db.url,
        WORKER_METRICS_PORT: String(port),
        WORKER_INTERVAL_SECONDS: '1',
      });
      try {
        let health: Response | undefined;
        for (let i = 0; i < 100 && health?.status !== 200; i += 1) {
          await new Promise((r) => setTimeout(r, 200));
          health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
        }
        expect(health?.status).toBe(200);
        // Healthy from the start (no tick is late yet): the first pass may still be running, and a
        // step's counter appears once the step has run. Wait for it rather than race it.
        const relayed = 'doctorly_worker_step_runs_total{step="relay-outbox",outcome="ran"}';
        let metrics = '';
        for (let i = 0; i < 100 && !metrics.includes(relayed); i += 1) {
          if (i > 0) await new Promise((r) => setTimeout(r, 200));
          metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
        }
        expect(metrics).toContain(relayed);
        expect(metrics).toContain('doctorly_worker_process_cpu_seconds_total');
        worker.child.kill('SIGTERM');
        expect(await worker.exit).toBe(0);
        expect(worker.output()).toContain('"msg":"worker stopped"');
        expect(worker.output()).toContain('"msg":"doctorly runtime closed"');
      } finally {
        worker.child.kill('SIGKILL');
      }
    });
  },
);
