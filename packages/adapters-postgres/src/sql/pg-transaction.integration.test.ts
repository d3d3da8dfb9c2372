import net from 'node:net';
import { isDomainError } from '@doctorly/core';
import { describeOnPostgresServer } from '@doctorly/test-support';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestAdapters, type TestAdapters } from '../testing/test-adapters.js';

type Writer = (...args: unknown[]) => unknown;

/** Socket writes made while `work` runs (every socket of the process; only the pool's are busy here). */
async function writesDuring(work: () => Promise<unknown>): Promise<number> {
  const socket = net.Socket.prototype as unknown as Record<'_write' | '_writev', Writer>;
  const originals = { _write: socket._write, _writev: socket._writev };
  let writes = 0;
  for (const name of ['_write', '_writev'] as const) {
    socket[name] = function (this: unknown, ...args: unknown[]) {
      writes += 1;
      return originals[name].apply(this, args);
    };
  }
  try {
    await work();
  } finally {
    Object.assign(socket, originals);
  }
  return writes;
}

const email = () => `tx-${Math.random().toString(36).slice(2)}@example.test`;
const insertUser = `INSERT INTO users (name, email, password_hash, registered_at) VALUES ('T', $1, 'h', now())`;

describeOnPostgresServer('PgTransaction round trips')(
  'PgTransaction on a PostgreSQL server',
  () => {
    let adapters: TestAdapters;
    beforeAll(async () => {
      adapters = await openTestAdapters('server', { poolSize: 2 });
      await adapters.sql.query('SELECT 1'); // the pool's first connection is open before counting
    });
    afterAll(async () => {
      await adapters?.dispose();
    });
    const exists = async (address: string) =>
      (await adapters.sql.query('SELECT 1 FROM users WHERE email = $1', [address])).length === 1;

    it('sends BEGIN with the first statement and held statements with the COMMIT: two writes', async () => {
      const [a, b] = [email(), email()];
      const writes = await writesDuring(() =>
        adapters.sql.transaction(async (tx) => {
          await tx.query(insertUser, [a]);
          await tx.queryBeforeCommit(insertUser, [b]);
        }),
      );
      expect(writes).toBe(2);
      expect([await exists(a), await exists(b)]).toEqual([true, true]);
    });

    it('commits nothing when a held statement fails, and throws its error', async () => {
      const a = email();
      const outcome = adapters.sql.transaction(async (tx) => {
        await tx.query(insertUser, [a]);
        await tx.queryBeforeCommit(
          `INSERT INTO outbox (event, created_at, available_at) VALUES ('{}'::jsonb, now(), now())`,
        );
      });
      await expect(outcome).rejects.toSatisfy((error) => isDomainError(error, 'VALIDATION_FAILED'));
      expect(await exists(a)).toBe(false);
      expect(await adapters.sql.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]); // the pool is fine
    });

    it('rolls back the first statement when the work throws after it', async () => {
      const a = email();
      const failure = new Error('boom');
      await expect(
        adapters.sql.transaction(async (tx) => {
          await tx.query(insertUser, [a]);
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(await exists(a)).toBe(false);
    });

    it('sends nothing for a transaction that sends nothing, and runs held statements alone in one write', async () => {
      expect(await writesDuring(() => adapters.sql.transaction(() => Promise.resolve()))).toBe(0);
      const a = email();
      expect(
        await writesDuring(() =>
          adapters.sql.transaction((tx) => tx.queryBeforeCommit(insertUser, [a])),
        ),
      ).toBe(1);
      expect(await exists(a)).toBe(true);
    });
  },
);
