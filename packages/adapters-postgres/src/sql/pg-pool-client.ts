import pg from 'pg';
import { mapDatabaseError } from './map-database-error.js';
import { run } from './pg-run.js';
import { PgTransaction } from './pg-transaction.js';
import type { QueryOptions, SqlClient, SqlExecutor } from './sql-client.js';
import { typeParsers } from './type-parsers.js';

/** Connection settings of {@link PgPoolSqlClient}. @category Adapters */
export interface PgPoolOptions {
  readonly url: string;
  /** Most connections the pool opens (default 10). */
  readonly poolSize?: number;
  /** `application_name` the server shows in `pg_stat_activity`. */
  readonly applicationName?: string;
}

// Our parsers for the text format, pg's own for everything else.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown => {
    const parser = format !== 'binary' ? typeParsers[oid] : undefined;
    return parser ?? (pg.types.getTypeParser(oid, format ?? 'text') as unknown);
  }) as typeof pg.types.getTypeParser,
};

/**
 * {@link SqlClient} over a node-postgres pool (a PostgreSQL server).
 * @category Adapters
 */
export class PgPoolSqlClient implements SqlClient {
  readonly engine = 'postgres';
  readonly pool: pg.Pool;

  constructor(options: PgPoolOptions) {
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? 'doctorly',
      connectionTimeoutMillis: 10_000,
      types,
      // Pipelining lets a transaction send several statements in one write (PgTransaction);
      // a connection outside a transaction still runs one query at a time.
      pipeline: true,
    });
    // An idle connection that dies must not crash the process: the next query reports it.
    this.pool.on('error', () => undefined);
    // A connection the server terminates may emit 'error' more than once ("terminating
    // connection due to administrator command", then "Connection terminated unexpectedly"),
    // while pg-pool's own per-query listener is a `once` and a released client has none: a
    // second, unheard 'error' would crash the process. Every client therefore keeps a listener
    // for its whole life; the query in flight still fails and is mapped to UNAVAILABLE.
    this.pool.on('connect', (client) => {
      client.on('error', () => undefined);
    });
  }

  query<Row = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<Row[]> {
    return run<Row>(this.pool, text, params, options);
  }

  async script(text: string): Promise<void> {
    await run(this.pool, text);
  }

  async queryBeforeCommit(
    text: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<void> {
    await run(this.pool, text, params, options);
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw mapDatabaseError(error);
    }
    let broken: Error | undefined;
    // A checked-out connection that the server drops emits 'error'; without a listener that
    // would crash the process. The pending query fails anyway and is reported as UNAVAILABLE.
    const onError = (error: Error) => {
      broken = error;
    };
    client.on('error', onError);
    const tx = new PgTransaction(client);
    try {
      const result = await work(tx);
      await tx.commit();
      return result;
    } catch (error) {
      // Nothing sent, nothing to roll back: the connection never left its idle state.
      if (tx.started) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          // The connection is gone or unusable: drop it from the pool instead of reusing it.
          broken =
            rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        }
      }
      throw mapDatabaseError(error);
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
