// Test helper: runs an example's entry point the way its README does, from source.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs `examples/<name>/main.ts` with `args` in the example's folder; resolves with its output. */
export async function runExample(
  name: string,
  args: readonly string[] = [],
): Promise<{ stdout: string; stderr: string }> {
  const cwd = fileURLToPath(new URL(`./${name}/`, import.meta.url));
  // The same as `npx tsx --conditions=@doctorly/source main.ts`, without npx's start-up.
  return run(
    process.execPath,
    ['--conditions=@doctorly/source', '--import', 'tsx', 'main.ts', ...args],
    {
      cwd,
      env: { ...process.env, NODE_OPTIONS: '' },
      timeout: 150_000,
    },
  );
}

/** Every match of `pattern` (which must be global) in `text`, as its capture groups. */
export function capturesOf(text: string, pattern: RegExp): string[][] {
  return [...text.matchAll(pattern)].map((match) => match.slice(1));
}
