import type pg from 'pg';
import { run } from './pg-run.js';
import type { QueryOptions, SqlExecutor } from './sql-client.js';

interface HeldStatement {
  readonly text: string;
  readonly params: readonly unknown[] | undefined;
  readonly options: QueryOptions | undefined;
}

/**
 * One transaction on a checked-out connection of a pipelining pool, sent in as few round
 * trips as its work allows. Each round trip over loopback TCP costs a write syscall and a
 * wake-up of the server, more than the statements BEGIN and COMMIT themselves, so: BEGIN
 * travels with the first statement, and what `queryBeforeCommit` held back travels with the
 * COMMIT, each batch in one write. The server still runs them one by one, in order; each
 * statement gets its own result or error, as if sent alone. A transaction that sent nothing
 * sends no BEGIN or COMMIT at all.
 */
export class PgTransaction implements SqlExecutor {
  private begun = false;
  private readonly held: HeldStatement[] = [];

  constructor(private readonly client: pg.PoolClient) {}

  /** Whether anything was sent on the connection, so that there is something to roll back. */
  get started(): boolean {
    return this.begun;
  }

  async query<Row>(
    text: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<Row[]> {
    if (this.begun) return run<Row>(this.client, text, params, options);
    this.begun = true;
    const replies = this.sendTogether(() => [
      run<unknown>(this.client, 'BEGIN'),
      run<unknown>(this.client, text, params, options),
    ]);
    // Each pipelined query has its own Sync, so a failed BEGIN would not stop the statement.
    // But BEGIN only fails on a lost connection or inside a failed transaction (none is handed
    // out: a connection whose ROLLBACK fails is dropped), and then the statement fails too.
    const [, rows] = await settled(replies);
    return rows as Row[];
  }

  async script(text: string): Promise<void> {
    await this.query(text);
  }

  queryBeforeCommit(
    text: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<void> {
    this.held.push({ text, params, options });
    return Promise.resolve();
  }

  /**
   * Sends the held statements and COMMIT together. When a held statement fails, the server
   * turns the COMMIT into a rollback and this throws that statement's error.
   */
  async commit(): Promise<void> {
    if (!this.begun && this.held.length === 0) return;
    const held = this.held.splice(0);
    const needsBegin = !this.begun;
    this.begun = true;
    await settled(
      this.sendTogether(() => [
        ...(needsBegin ? [run<unknown>(this.client, 'BEGIN')] : []),
        ...held.map((h) => run<unknown>(this.client, h.text, h.params, h.options)),
        run<unknown>(this.client, 'COMMIT'),
      ]),
    );
  }

  /**
   * Issues the queries `send` makes with the socket corked, so a pipelining client writes
   * them all in one syscall (a client that does not pipeline still sends them, one by one).
   */
  private sendTogether<T>(send: () => T): T {
    const stream = this.client.connection.stream;
    stream.cork();
    try {
      return send();
    } finally {
      stream.uncork();
    }
  }
}

/** Waits for every reply (no rejection goes unhandled); then the first failure in order, or the results. */
async function settled<T>(replies: readonly Promise<T>[]): Promise<T[]> {
  const outcomes = await Promise.allSettled(replies);
  const failure = outcomes.find((o) => o.status === 'rejected');
  if (failure) throw failure.reason;
  return outcomes.map((o) => (o as PromiseFulfilledResult<T>).value);
}
