import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { configVariables } from '@doctorly/runtime';
import { workerConfigVariables } from '@doctorly/worker';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// There is no Docker engine where the tests run, so the image is never built here. These
// tests check what can be checked without one: that docker-compose.yaml and the Dockerfile
// agree with the repository (packages, entry points, variables), and, when a compose CLI is
// installed, that compose itself accepts the file.

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFile(new URL(path, root), 'utf8');

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

const compose = parse(await read('docker-compose.yaml'), { merge: true }) as {
  services: Record<string, Service>;
};
const dockerfile = await read('Dockerfile');
const rootManifest = JSON.parse(await read('package.json')) as { workspaces: string[] };
const knownVariables = new Set([...configVariables, ...workerConfigVariables].map((v) => v.name));

/** The `@doctorly/*` packages `name` needs at run time, itself included, by folder. */
async function runtimeClosure(folder: string, seen = new Set<string>()): Promise<Set<string>> {
  if (seen.has(folder)) return seen;
  seen.add(folder);
  const manifest = JSON.parse(await read(`packages/${folder}/package.json`)) as {
    dependencies?: Record<string, string>;
  };
  for (const dependency of Object.keys(manifest.dependencies ?? {})) {
    if (dependency.startsWith('@doctorly/'))
      await runtimeClosure(dependency.slice('@doctorly/'.length), seen);
  }
  return seen;
}

describe('docker-compose.yaml', () => {
  const { services } = compose;

  it('keeps postgres and redis (with the Query Engine) and adds server and worker', () => {
    expect(Object.keys(services).sort()).toEqual(['postgres', 'redis', 'server', 'worker']);
    expect(services.redis!.image).toMatch(/^redis\/redis-stack-server/);
  });

  it('runs server and worker from one image built from the Dockerfile, with different commands', () => {
    const { server, worker } = services;
    expect(server!.build).toBeDefined();
    expect(worker!.image).toBe(server!.image);
    expect(server!.command).toBeUndefined(); // the image's CMD: the server
    // The same heap limit as the bench runs the server with (bench/processes.ts).
    expect(dockerfile).toMatch(
      /^CMD \["node", "--max-old-space-size=256", "packages\/http-koa\/dist\/main\.js"\]$/m,
    );
    expect(worker!.command).toEqual(['node', 'packages/worker/dist/main.js']);
    // The compiled entry points come from these sources.
    expect(existsSync(new URL('packages/http-koa/src/main.ts', root))).toBe(true);
    expect(existsSync(new URL('packages/worker/src/main.ts', root))).toBe(true);
    expect(server!.ports).toEqual(['5000:5000']);
  });

  it('starts server and worker only once PostgreSQL and Redis are healthy', () => {
    for (const name of ['server', 'worker']) {
      expect(services[name]!.depends_on, name).toEqual({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      });
    }
    expect(services.postgres!.healthcheck).toBeDefined();
    expect(services.redis!.healthcheck).toBeDefined();
  });

  it('configures them with documented variables only, PostgreSQL and Redis by service name', () => {
    for (const name of ['server', 'worker']) {
      const environment = services[name]!.environment!;
      expect(environment.DATABASE_URL, name).toMatch(/^postgres:\/\/[^@]+@postgres:5432\//);
      expect(environment.REDIS_URL, name).toBe('redis://redis:6379');
      expect(Object.keys(environment), name).toContain('JWT_SECRET');
      for (const variable of Object.keys(environment))
        expect(knownVariables, `${name}: ${variable}`).toContain(variable);
    }
  });

  it('is accepted by docker compose itself, where a compose CLI is installed', async (context) => {
    const cli = [
      '/usr/libexec/docker/cli-plugins/docker-compose',
      '/usr/local/lib/docker/cli-plugins/docker-compose',
      '/usr/bin/docker-compose',
      '/usr/local/bin/docker-compose',
    ].find((path) => existsSync(path));
    if (!cli)
      return context.skip('no docker compose CLI here: only the structure above is checked');
    const args = cli.includes('cli-plugins')
      ? ['compose', '-f', 'docker-compose.yaml', 'config', '-q']
      : ['-f', 'docker-compose.yaml', 'config', '-q'];
    const command = cli.includes('cli-plugins') ? 'docker' : cli;
    await expect(
      promisify(execFile)(command, args, {
        cwd: root,
        env: { ...process.env, JWT_SECRET: 'x'.repeat(32) },
      }),
    ).resolves.toBeDefined();
  });
});

describe('Dockerfile', () => {
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const [build, runtime] = stages;

  it('builds in one stage and runs from a slim Node 20 image in another, as the unprivileged user', () => {
    expect(stages).toHaveLength(2);
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20-[\w-]*slim$/m);
    expect(build).toMatch(/^RUN npm ci\b/m);
    expect(build).toMatch(/^RUN npm run build$/m);
    expect(runtime).toMatch(/npm ci --omit=dev/);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).not.toMatch(/^COPY (?!--from=build)/m); // nothing from the context: only built output
  });

  it('copies the manifest of every workspace into both stages (npm ci needs them all)', () => {
    for (const workspace of rootManifest.workspaces) {
      expect(build, workspace).toContain(`COPY ${workspace}/package.json ${workspace}/`);
      expect(runtime, workspace).toContain(
        `COPY --from=build /app/${workspace}/package.json ${workspace}/`,
      );
    }
  });

  it('ships the compiled code of every package the server and the worker load', async () => {
    const needed = await runtimeClosure('http-koa');
    await runtimeClosure('worker', needed);
    for (const folder of needed) {
      expect(runtime, folder).toContain(
        `COPY --from=build /app/packages/${folder}/dist packages/${folder}/dist`,
      );
    }
    expect(runtime).toContain(
      'COPY --from=build /app/packages/adapters-postgres/migrations packages/adapters-postgres/migrations',
    );
  });
});
