/** How {@link SqlExecutor.query} runs a statement. @category Adapters */
export interface QueryOptions {
  /**
   * Keep the statement prepared on each connection (PostgreSQL server only), so that later
   * runs skip parsing and planning — which costs more than executing for the hot reads
   * (a page of doctor snapshots: ~3 ms of planning, ~2 ms of execution). Only for fixed
   * statement texts: every distinct text stays prepared on every connection of the pool.
   */
  readonly prepare?: boolean;
}

/**
 * The one query interface the adapters are written against: node-postgres (`pg.Pool`) and
 * PGlite both implement it, so every statement exists once. Errors come out already mapped
 * ({@link mapDatabaseError}): domain errors for constraint violations, `UNAVAILABLE` for a
 * database that cannot answer.
 * @category Adapters
 */
export interface SqlExecutor {
  /** Runs one statement with bind parameters (`$1`, `$2` …) and returns its rows. */
  query<Row = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  script(text: string): Promise<void>;
  /**
   * Runs a statement whose rows nobody reads (an append to the outbox) within the transaction,
   * if any. A PostgreSQL server's transaction holds it back and sends it with the COMMIT, in
   * one round trip (its failure fails the commit); PGlite, in process, runs it at once. So
   * nothing in the transaction may read back what it writes.
   */
  queryBeforeCommit(
    text: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<void>;
}

/**
 * A connection pool (or an embedded database) that also opens transactions.
 * @category Adapters
 */
export interface SqlClient extends SqlExecutor {
  /** `postgres` for a server reached over the network, `pglite` for the embedded one. */
  readonly engine: 'postgres' | 'pglite';
  /**
   * Runs `work` in one transaction (READ COMMITTED) on one connection: committed when it
   * resolves, rolled back when it throws. No retries here:
   * {@link @doctorly/adapters-postgres!PostgresUnitOfWork} retries.
   */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Closes the pool or the embedded database. */
  close(): Promise<void>;
}
