import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturesOf, runExample } from '../run-example.js';

const queueNumbers = (stdout: string) =>
  capturesOf(stdout, /^Booked Patient \d+: sitting \S+, queue number (\d+)/gm).map(([n]) =>
    Number(n),
  );

describe('examples/pglite-host', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), 'doctorly-pglite-host-')), 'data');
  });
  afterAll(async () => {
    await rm(join(dataDir, '..'), { recursive: true, force: true });
  });

  it("keeps its data across runs: the second run sees the first one's bookings and goes on numbering", async () => {
    const migrations = (
      await readdir(new URL('../../packages/adapters-postgres/migrations/', import.meta.url))
    ).filter((file) => /^\d{4}_[\w-]+\.sql$/.test(file)).length;
    const first = await runExample('pglite-host', [dataDir]);
    expect(first.stdout).toMatch(
      new RegExp(`: ${migrations} migrations applied, 0 already there$`, 'm'),
    );
    expect(first.stdout).toMatch(/^Earlier bookings: 0$/m);
    expect(queueNumbers(first.stdout)).toEqual([1, 2, 3]);
    expect(first.stdout).toMatch(/^Bookings now: 3$/m);

    const second = await runExample('pglite-host', [dataDir]);
    expect(second.stdout).toMatch(
      new RegExp(`: 0 migrations applied, ${migrations} already there$`, 'm'),
    );
    expect(second.stdout).not.toMatch(/^Registered doctor/m);
    expect(second.stdout).toMatch(/^Earlier bookings: 3$/m);
    expect(
      capturesOf(second.stdout, /^ {2}Patient (\d+): sitting \S+, queue number (\d+)$/gm),
    ).toEqual([
      ['1', '1'],
      ['2', '2'],
      ['3', '3'],
    ]);
    expect(queueNumbers(second.stdout)).toEqual([4, 5, 6]);
    expect(second.stdout).toMatch(/^Bookings now: 6$/m);
  }, 300_000);
});
