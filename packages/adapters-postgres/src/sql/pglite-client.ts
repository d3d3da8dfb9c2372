import { AsyncLocalStorage } from 'node:async_hooks';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { mapDatabaseError } from './map-database-error.js';
import { createClusterFromTemplate } from './pglite-cluster-template.js';
import type { SqlClient, SqlExecutor } from './sql-client.js';
import { typeParsers } from './type-parsers.js';

type Queryable = Pick<Transaction, 'query' | 'exec'>;

/**
 * PostgreSQL settings of the embedded database, on top of PGlite's own start parameters.
 * PGlite keeps initdb's `shared_buffers = 128MB`, which one process serving a small
 * database never fills but whose WebAssembly memory never shrinks once touched: measured on
 * a restart with the demo data, peak RSS 307 MB at 128 MB against 183 MB at 8 MB, and the
 * open took half the time. The data folder is small and the operating system's page cache
 * sits under it, so the buffers only need to hold the working set of one query at a time.
 */
const pgliteSettings: Readonly<Record<string, string>> = {
  shared_buffers: '8MB',
  temp_buffers: '1MB',
  work_mem: '2MB',
  maintenance_work_mem: '16MB',
  wal_buffers: '256kB',
};

function startParams(): string[] {
  return [
    ...PGlite.defaultStartParams,
    ...Object.entries(pgliteSettings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
  ];
}

async function run<Row>(db: Queryable, text: string, params?: readonly unknown[]): Promise<Row[]> {
  try {
    const result = await db.query<Row>(text, params as unknown[] | undefined);
    return result.rows;
  } catch (error) {
    throw mapDatabaseError(error);
  }
}

function executor(db: Queryable): SqlExecutor {
  return {
    query: <Row>(text: string, params?: readonly unknown[]) => run<Row>(db, text, params),
    script: async (text: string) => {
      try {
        await db.exec(text);
      } catch (error) {
        throw mapDatabaseError(error);
      }
    },
    // In process there is no round trip to save by holding it back until the COMMIT.
    queryBeforeCommit: async (text: string, params?: readonly unknown[]) => {
      await run(db, text, params);
    },
  };
}

/**
 * {@link SqlClient} over PGlite, PostgreSQL compiled to WebAssembly running in this process:
 * the embedded default when no `DATABASE_URL` is set. One connection, so transactions run
 * one after another. A query or transaction started from inside a transaction's callback
 * (a `uow.read` call in `uow.transaction`, say) joins that transaction: with one
 * connection, waiting for it to end would wait forever.
 * @category Adapters
 */
export class PGliteSqlClient implements SqlClient {
  readonly engine = 'pglite';
  private readonly direct: SqlExecutor;
  private readonly current = new AsyncLocalStorage<SqlExecutor>();

  private constructor(readonly db: PGlite) {
    this.direct = executor(db);
  }

  /**
   * Opens (or creates) the database in `dataDir`: a folder, or `memory://` for a throw-away
   * one. A new folder is filled from the shipped empty cluster when it matches the installed
   * PGlite (see `pglite-cluster-template.ts`), else by PGlite's initdb. `loadDataDir` starts a new database from a dump (`db.dumpDataDir()`) instead of an
   * empty one, several times faster than creating and migrating it (tests use it).
   */
  static async open(
    dataDir: string,
    options: { loadDataDir?: Blob } = {},
  ): Promise<PGliteSqlClient> {
    // A new folder starts from the shipped empty cluster rather than PGlite's slow, hungry initdb.
    if (!dataDir.includes('://') && !options.loadDataDir) await createClusterFromTemplate(dataDir);
    const db = await PGlite.create({
      dataDir,
      extensions: { pg_trgm, btree_gist },
      parsers: typeParsers,
      startParams: startParams(),
      ...(options.loadDataDir && { loadDataDir: options.loadDataDir }),
    });
    return new PGliteSqlClient(db);
  }

  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]> {
    return (this.current.getStore() ?? this.direct).query<Row>(text, params);
  }

  script(text: string): Promise<void> {
    return (this.current.getStore() ?? this.direct).script(text);
  }

  queryBeforeCommit(text: string, params?: readonly unknown[]): Promise<void> {
    return (this.current.getStore() ?? this.direct).queryBeforeCommit(text, params);
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const outer = this.current.getStore();
    if (outer) return work(outer);
    try {
      return await this.db.transaction((tx) => {
        const inner = executor(tx);
        return this.current.run(inner, () => work(inner));
      });
    } catch (error) {
      throw mapDatabaseError(error);
    }
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }
}
