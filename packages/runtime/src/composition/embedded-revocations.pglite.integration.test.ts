import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SqlClient } from '@doctorly/adapters-postgres';
import { ManualClock } from '@doctorly/core/memory';
import { describeTokenRevocationStoreContract } from '@doctorly/core/testing';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/index.js';
import { EmbeddedRevocationStore } from './embedded-revocations.js';
import { createRuntime, type Runtime } from './runtime.js';

// The embedded default (no DATABASE_URL, no REDIS_URL): revocations held in memory by the one
// process that owns PGlite, written through to it.
const folders: string[] = [];
const logger = pino({ level: 'silent' });
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));
// Creating a PGlite folder (initdb) takes seconds, many more on a busy machine.
const slow = { timeout: 240_000 };

function newFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'doctorly-revocations-'));
  folders.push(folder);
  return folder;
}

function open(folder: string, clock?: ManualClock): Promise<Runtime> {
  const config = loadConfig({
    DATA_DIR: folder,
    PASSWORD_HASH_COST: 'test',
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
  });
  return createRuntime(config, { logger, ...(clock && { clock }) });
}

describeTokenRevocationStoreContract(
  'EmbeddedRevocationStore on the embedded default',
  async () => {
    const clock = new ManualClock();
    const runtime = await open(newFolder(), clock);
    return {
      store: runtime.ports.revocations,
      now: () => clock.now(),
      advance: (seconds) => Promise.resolve(clock.advance(seconds)),
      close: () => runtime.close(),
    };
  },
);

/** Counts the statements `sql` runs from now on (PGlite's client, shared by every adapter). */
function countQueries(sql: SqlClient): () => number {
  let count = 0;
  const target = sql as unknown as Record<'query' | 'transaction' | 'script', unknown>;
  for (const method of ['query', 'transaction', 'script'] as const) {
    const original = (target[method] as (...args: unknown[]) => unknown).bind(sql);
    target[method] = (...args: unknown[]) => {
      count += 1;
      return original(...args);
    };
  }
  return () => count;
}

describe('revocations on the embedded default', () => {
  it('survive a restart on the same data folder', slow, async () => {
    const folder = newFolder();
    const first = await open(folder);
    let token: string;
    let kept: string;
    try {
      expect(first.ports.revocations).toBeInstanceOf(EmbeddedRevocationStore);
      await first.useCases.registerUser.execute({
        name: 'Rae Voke',
        email: 'rae@example.com',
        password: 'a long enough password',
      });
      const login = { email: 'rae@example.com', password: 'a long enough password' };
      token = (await first.useCases.issueToken.execute(login)).token;
      kept = (await first.useCases.issueToken.execute(login)).token;
      const actor = await first.useCases.authenticate.execute(token);
      await first.useCases.revokeToken.execute(actor.claims);
      await expect(first.useCases.authenticate.execute(token)).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
      });
    } finally {
      await first.close();
    }

    const second = await open(folder);
    try {
      await expect(second.useCases.authenticate.execute(token)).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
      });
      // Only the revoked token: another token of the same user still works.
      expect((await second.useCases.authenticate.execute(kept)).role).toBe('user');
    } finally {
      await second.close();
    }
  });

  it('answers an authenticated cached read without a statement on PGlite', slow, async () => {
    const runtime = await open(newFolder());
    try {
      const { useCases } = runtime;
      const doctor = await useCases.registerDoctor.execute({
        name: 'Cass Hed',
        email: 'cass@example.com',
        password: 'a long enough password',
        description: 'Reads from memory.',
      });
      const { token } = await useCases.issueToken.execute({
        email: 'cass@example.com',
        password: 'a long enough password',
      });
      const read = async () => {
        await useCases.authenticate.execute(token);
        return useCases.getDoctor.execute({ id: doctor.id });
      };
      const first = await read(); // fills the cache: the user's identity and the doctor
      const queries = countQueries(runtime.sql!);
      expect(await read()).toEqual(first);
      expect(queries()).toBe(0);
      // The counter counts: a login (never cached) does reach PGlite.
      await useCases.issueToken.execute({
        email: 'cass@example.com',
        password: 'a long enough password',
      });
      expect(queries()).toBeGreaterThan(0);
    } finally {
      await runtime.close();
    }
  });
});
