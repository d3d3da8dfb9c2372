import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The Dockerfile installs production dependencies only (`npm ci --omit=dev`). A host that
// imports a dev dependency at run time — directly or through a package it loads — builds
// fine and every test passes (the repository has all dev dependencies), then the container
// dies at start with ERR_MODULE_NOT_FOUND. This loads each host's entry module in a child
// process in which dev-only packages cannot be resolved.

const root = new URL('../../', import.meta.url);
const run = promisify(execFile);

/** Packages present in the repository but not in a production install of the hosts. */
async function devOnlyPackages(): Promise<string[]> {
  const manifest = JSON.parse(await readFile(new URL('package.json', root), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  // tsx loads the TypeScript sources here; it is not imported by the hosts.
  return [
    ...Object.keys(manifest.devDependencies).filter((name) => name !== 'tsx'),
    '@doctorly/test-support',
  ];
}

/** Imports `specifier` from source with `denied` packages unresolvable (default: the dev-only ones); resolves with the error text, or '' if it loaded. */
async function importWithoutDevPackages(
  specifier: string,
  denied?: { packages: readonly string[]; reason: string },
): Promise<string> {
  const hook = new URL('test/docs/support/deny-dev-packages.mjs', root).href;
  const register = `import { register } from 'node:module'; register(${JSON.stringify(hook)});`;
  const script = `await import(${JSON.stringify(specifier)}); process.exit(0);`;
  try {
    await run(
      process.execPath,
      [
        '--conditions=@doctorly/source',
        '--import',
        'tsx',
        '--import',
        `data:text/javascript,${encodeURIComponent(register)}`,
        '--input-type=module',
        '-e',
        script,
      ],
      {
        cwd: root,
        timeout: 120_000,
        env: {
          ...process.env,
          NODE_OPTIONS: '',
          DENIED_PACKAGES: (denied?.packages ?? (await devOnlyPackages())).join(','),
          ...(denied && { DENIED_REASON: denied.reason }),
        },
      },
    );
    return '';
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error);
  }
}

describe('the hosts load with production dependencies only', () => {
  it('the hook refuses a dev-only package (the check has teeth)', async () => {
    expect(await importWithoutDevPackages('vitest')).toMatch(/not installed in production/);
  }, 120_000);

  it.each([
    '@doctorly/core',
    '@doctorly/core/memory',
    '@doctorly/adapters-postgres',
    '@doctorly/adapters-postgres/pglite',
    '@doctorly/adapters-redis',
    '@doctorly/adapters-redis/search',
    '@doctorly/runtime',
    '@doctorly/http-contract',
    '@doctorly/http-koa',
    '@doctorly/worker',
  ])(
    '%s loads',
    async (name) => {
      expect(await importWithoutDevPackages(name)).toBe('');
    },
    120_000,
  );
});

// PGlite, node-redis with redis-om, and sharp weigh 20 to 40 MB of memory each, and most
// processes use none of them (a PostgreSQL server; Redis without the Query Engine; no image
// upload yet): the hosts import them only when they are needed (issue 9: server RSS).
describe('the hosts load without the optional engines', () => {
  const engines = {
    packages: ['@electric-sql/pglite', 'redis', 'redis-om', 'sharp'],
    reason: 'loaded lazily: not when the host starts',
  };

  it.each([
    '@doctorly/adapters-postgres',
    '@doctorly/adapters-redis',
    '@doctorly/runtime',
    '@doctorly/http-koa',
    '@doctorly/worker',
  ])(
    '%s loads',
    async (name) => {
      expect(await importWithoutDevPackages(name, engines)).toBe('');
    },
    120_000,
  );

  it('their own entry points do load them (the check has teeth)', async () => {
    expect(await importWithoutDevPackages('@doctorly/adapters-postgres/pglite', engines)).toMatch(
      /loaded lazily/,
    );
    expect(await importWithoutDevPackages('@doctorly/adapters-redis/search', engines)).toMatch(
      /loaded lazily/,
    );
  }, 120_000);
});
