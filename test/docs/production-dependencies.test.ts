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
  const manifest = JSON.parse(await readFile(new URL('package.json', root), 'utf8')) as { devDependencies: Record<string, string> };
  // tsx loads the TypeScript sources here; it is not imported by the hosts.
  return [...Object.keys(manifest.devDependencies).filter((name) => name !== 'tsx'), '@doctorly/test-support'];
}

/** Imports `specifier` from source with dev-only packages unresolvable; resolves with the error text, or '' if it loaded. */
async function importWithoutDevPackages(specifier: string): Promise<string> {
  const hook = new URL('test/docs/support/deny-dev-packages.mjs', root).href;
  const register = `import { register } from 'node:module'; register(${JSON.stringify(hook)});`;
  const script = `await import(${JSON.stringify(specifier)}); process.exit(0);`;
  try {
    await run(process.execPath, [
      '--conditions=@doctorly/source', '--import', 'tsx', '--import', `data:text/javascript,${encodeURIComponent(register)}`,
      '--input-type=module', '-e', script,
    ], { cwd: root, env: { ...process.env, NODE_OPTIONS: '', DENIED_PACKAGES: (await devOnlyPackages()).join(',') }, timeout: 120_000 });
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
    '@doctorly/core', '@doctorly/core/memory', '@doctorly/adapters-postgres', '@doctorly/adapters-redis',
    '@doctorly/runtime', '@doctorly/http-koa', '@doctorly/worker',
  ])('%s loads', async (name) => {
    expect(await importWithoutDevPackages(name)).toBe('');
  }, 120_000);
});
